import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { claudeCodeAdapter } from '@rimuru/adapters-claude-code';
import { codexAdapter } from '@rimuru/adapters-codex';
import { bundledPriceTable } from '@rimuru/core';
import { openStore, type SessionStore } from '@rimuru/db';
import { generateClaudeHome } from '@rimuru/test-utils/claude';
import { generateCodexHome } from '@rimuru/test-utils/codex';
import { itRealSamples, samplePath } from '@rimuru/test-utils/real-samples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterContext } from './adapter-context.js';
import { syncAll } from './sync-engine.js';

/**
 * A sync with the store's ingest memory (roll-ups summed as records are written, lookups of
 * keys a first import cannot have stored skipped) must leave the store a sync that reads
 * everything back leaves (RIMURU_INGEST_MEMORY=off): over generated homes with subagents,
 * compactions, sidechain replays and Codex thread spawns, over every real Claude Code and
 * Codex sample, and on the incremental sync that follows appends.
 */

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rimuru-memory-sync-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** The real samples laid out where the adapters look: Claude Code transcripts under projects, Codex rollouts under sessions. */
function realSampleHome(home: string): void {
  filesUnder(samplePath('claude-code'))
    .filter((f) => f.endsWith('.jsonl'))
    .forEach((file, i) => {
      const dir = join(home, '.claude', 'projects', `-sample-${i}`);
      mkdirSync(dir, { recursive: true });
      copyFileSync(file, join(dir, basename(file)));
    });
  filesUnder(samplePath('codex'))
    .filter((f) => f.endsWith('.jsonl'))
    .forEach((file, i) => {
      const dir = join(home, '.codex', 'sessions', '2026', '01', String(1 + (i % 28)).padStart(2, '0'));
      mkdirSync(dir, { recursive: true });
      copyFileSync(
        file,
        join(
          dir,
          `rollout-2026-01-01T00-00-${String(i).padStart(2, '0')}-${basename(file, '.jsonl').replace(/^rollout-/, '')}.jsonl`,
        ),
      );
    });
}

/** Every record a sync leaves, without the wall-clock instants of when it was written. */
async function storeContents(store: SessionStore): Promise<unknown> {
  const usage = [];
  for await (const record of store.usage.stream({})) usage.push(record);
  const strip = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (key, v: unknown) =>
        /^(updatedAt|createdAt)$/.test(key) ? undefined : typeof v === 'bigint' ? `${v}n` : v,
      ),
    );
  const byText = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
  return {
    checkpoints: (strip(await store.sources.checkpoints()) as unknown[]).sort(byText),
    sessions: (strip(await store.sessions.list({})) as unknown[]).sort(byText),
    usage: (strip(usage) as unknown[]).sort(byText),
  };
}

async function syncWith(
  memory: boolean,
  home: string,
  dataName: string,
): Promise<{ summary: unknown; contents: unknown }> {
  const previous = process.env.RIMURU_INGEST_MEMORY;
  if (memory) delete process.env.RIMURU_INGEST_MEMORY;
  else process.env.RIMURU_INGEST_MEMORY = 'off';
  const store = await openStore({ dialect: 'sqlite', path: join(root, `${dataName}-${memory ? 'on' : 'off'}.db`) });
  try {
    const ctx = createAdapterContext({ homeDir: home, env: { HOME: home, CODEX_HOME: join(home, '.codex') } });
    const { durationMs: _durationMs, ...summary } = await syncAll({
      store,
      adapters: [claudeCodeAdapter, codexAdapter],
      ctx,
      host: 'h',
      prices: bundledPriceTable(),
      readWorkers: false,
    });
    return { summary, contents: await storeContents(store) };
  } finally {
    await store.close();
    if (previous === undefined) delete process.env.RIMURU_INGEST_MEMORY;
    else process.env.RIMURU_INGEST_MEMORY = previous;
  }
}

describe('sync with the ingest memory', () => {
  it.each([11, 12])(
    'equals the sync that reads everything back, first import then appends (generated home, seed %i)',
    async (seed) => {
      const home = join(root, `generated-${seed}`);
      const claude = await generateClaudeHome(home, {
        sessions: 24,
        requestsPerSession: 15,
        seed,
        subagentEvery: 3,
        compactionEvery: 4,
      });
      await generateCodexHome(home, {
        sessions: 18,
        requestsPerSession: 12,
        seed: seed + 100,
        archiveEvery: 4,
        legacyEvery: 5,
        spawnEvery: 3,
      });
      const first = [await syncWith(true, home, `g${seed}`), await syncWith(false, home, `g${seed}`)];
      expect(first[0]).toEqual(first[1]);
      // Appends: copies of earlier lines (re-read keys) and a new request; the next sync is incremental.
      for (const file of claude.files.slice(0, 6))
        appendFileSync(file, `${readFileSync(file, 'utf8').split('\n').slice(0, 12).join('\n')}\n`);
      await generateClaudeHome(home, {
        sessions: 3,
        requestsPerSession: 5,
        seed: seed + 7,
        start: '2026-03-01T00:00:00.000Z',
      });
      const second = [await syncWith(true, home, `g${seed}`), await syncWith(false, home, `g${seed}`)];
      expect(second[0]).toEqual(second[1]);
    },
  );

  itRealSamples(
    'equals the sync that reads everything back on every real Claude Code and Codex sample',
    ['claude-code', 'codex'],
    async () => {
      const home = join(root, 'real');
      realSampleHome(home);
      const on = await syncWith(true, home, 'real');
      const off = await syncWith(false, home, 'real');
      expect(on).toEqual(off);
      expect((on.contents as { usage: unknown[] }).usage.length).toBeGreaterThan(100);
    },
  );
});
