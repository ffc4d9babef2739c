// @module-tag built
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '@oclif/core';
import { builtinAdapters } from '@rimuru/app-runtime/builtin-adapters';
import { bundledPriceTable, type AgentAdapter } from '@rimuru/core';
import { openStore, type SessionStore } from '@rimuru/db';
import { createAdapterContext, syncAll, type ReadWorkerOptions } from '@rimuru/sync';
import { writeAmpHome } from '@rimuru/test-utils/amp';
import { generateAntigravityHome } from '@rimuru/test-utils/antigravity';
import { generateClaudeHome } from '@rimuru/test-utils/claude';
import { writeClineHome } from '@rimuru/test-utils/cline';
import { writeCodebuffHome } from '@rimuru/test-utils/codebuff';
import { generateCodexHome } from '@rimuru/test-utils/codex';
import { generateCrushHome } from '@rimuru/test-utils/crush';
import { generateDroidHome } from '@rimuru/test-utils/droid';
import { generateGeminiHome } from '@rimuru/test-utils/gemini-cli';
import { writeGooseHome } from '@rimuru/test-utils/goose';
import { generateGrokHome } from '@rimuru/test-utils/grok';
import { generateHermesHome } from '@rimuru/test-utils/hermes';
import { generateKiloHome } from '@rimuru/test-utils/kilo';
import { writeKiloCodeHome } from '@rimuru/test-utils/kilo-code';
import { generateKimiHome } from '@rimuru/test-utils/kimi';
import { generateOpenclawHome } from '@rimuru/test-utils/openclaw';
import { generateOpenCodeHome } from '@rimuru/test-utils/opencode';
import { generatePiHome } from '@rimuru/test-utils/pi';
import { generateQwenHome } from '@rimuru/test-utils/qwen-code';
import { writeRooCodeHome } from '@rimuru/test-utils/roo-code';
import { writeCopilotSampleHome, writeCursorSampleHome } from '@rimuru/test-utils/sample-homes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkersOf } from '../src/sync-options.js';

/**
 * The apps' read workers find every adapter through the registry of built-in adapters: the
 * engine knows none. One home with data of every built-in agent is synced in the main thread,
 * then with workers started from the CLI's bundled entry (`dist/read-worker.js`, found as the
 * CLI finds it) and from `@rimuru/app-runtime/read-worker` (the TUI's, unbundled): each worker
 * sync must read every source of an adapter that `readsOffThread` in a worker and leave exactly
 * the store of the main-thread read. Workers run built code: build first.
 */
const CLI_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const APP_RUNTIME_ENTRY = new URL('../../../packages/app-runtime/dist/read-worker.js', import.meta.url);

let home: string;
let dataDir: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'rimuru-read-workers-home-'));
  dataDir = mkdtempSync(join(tmpdir(), 'rimuru-read-workers-data-'));
  await generateClaudeHome(home, { sessions: 4, requestsPerSession: 5, seed: 3, subagentEvery: 2 });
  await generateCodexHome(home, { sessions: 4, requestsPerSession: 5, seed: 4, spawnEvery: 2 });
  writeCursorSampleHome(home);
  await writeCopilotSampleHome(home);
  await generateGeminiHome(home, { sessions: 3, messagesPerSession: 4, seed: 5 });
  await generateQwenHome(home, { sessions: 3, callsPerSession: 4, seed: 6 });
  await generateOpenCodeHome(home);
  await generateKiloHome(home);
  await generateKimiHome(home, { sessions: 3, callsPerSession: 4, seed: 7 });
  await generatePiHome(home, { sessions: 3, callsPerSession: 4, seed: 8, branchEvery: 2 });
  await generateOpenclawHome(home, { sessions: 3, callsPerSession: 4, seed: 9 });
  await generateDroidHome(home, { sessions: 3, requestsPerSession: 4, seed: 10 });
  await generateGrokHome(home, { sessions: 3, turnsPerSession: 4, seed: 11 });
  await writeAmpHome(home);
  await writeGooseHome(home);
  await writeCodebuffHome(home);
  await writeClineHome(home);
  await writeRooCodeHome(home);
  await writeKiloCodeHome(home);
  await generateCrushHome(home);
  await generateAntigravityHome(home, { conversations: 2, generationsPerConversation: 3, seed: 12 });
  await generateHermesHome(home, { sessions: 3, seed: 13, jsonEvery: 2 });
}, 120_000);

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  summary: Record<string, unknown>;
  store: { checkpoints: unknown[]; sessions: { agentType?: unknown }[]; usage: unknown[] };
  debug: string[];
}

/** Every record a sync leaves, without the wall-clock instants of when it was written. */
async function storeContents(store: SessionStore): Promise<Outcome['store']> {
  const usage = [];
  for await (const record of store.usage.stream({})) usage.push(record);
  const strip = (value: unknown): unknown[] =>
    JSON.parse(
      JSON.stringify(value, (key, v: unknown) =>
        /^(updatedAt|createdAt)$/.test(key) ? undefined : typeof v === 'bigint' ? `${v}n` : v,
      ),
    ) as unknown[];
  const byText = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
  return {
    checkpoints: strip(await store.sources.checkpoints()).sort(byText),
    sessions: (strip(await store.sessions.list({})) as { agentType?: unknown }[]).sort(byText),
    usage: strip(usage).sort(byText),
  };
}

async function syncInto(
  name: string,
  adapters: AgentAdapter[],
  readWorkers: ReadWorkerOptions | false,
): Promise<Outcome> {
  const store = await openStore({ dialect: 'sqlite', path: join(dataDir, `${name}.db`) });
  const debug: string[] = [];
  try {
    const env = { HOME: home, PATH: process.env.PATH ?? '' };
    const ctx = createAdapterContext({ homeDir: home, env, logger: { debug: (m) => debug.push(m), warn: () => {} } });
    const { durationMs: _durationMs, ...summary } = await syncAll({
      store,
      adapters,
      ctx,
      host: 'h',
      prices: bundledPriceTable(),
      readWorkers,
    });
    return { summary, store: await storeContents(store), debug };
  } finally {
    await store.close();
  }
}

describe('read workers started from the apps’ entries', () => {
  const adapters = builtinAdapters();
  let reference: Outcome;

  beforeAll(async () => {
    reference = await syncInto('main-thread', adapters, false);
  }, 120_000);

  it('every built-in agent has data in the home, and nearly every adapter reads off the main thread', () => {
    const agentTypes = new Set(reference.store.sessions.map((s) => s.agentType));
    expect([...agentTypes].sort()).toEqual(adapters.map((a) => a.id).sort());
    // The flag is each adapter's own claim (its read uses only the context's data): this test
    // is what holds every flagged adapter to it.
    expect(adapters.filter((a) => a.readsOffThread !== true).map((a) => a.id)).toEqual([]);
  });

  const entries: [string, () => ReadWorkerOptions][] = [
    ['the CLI’s bundled dist/read-worker.js', () => readWorkersOf({ root: CLI_ROOT } as Config) as ReadWorkerOptions],
    ['@rimuru/app-runtime/read-worker', () => ({ entry: APP_RUNTIME_ENTRY })],
  ];
  for (const [name, options] of entries) {
    it(`${name}: leaves exactly the store of a main-thread read`, async () => {
      const workers = { ...options(), minBytes: 0, size: 2 };
      expect(existsSync(workers.entry), `${workers.entry.pathname}: build the workspace first`).toBe(true);
      const outcome = await syncInto(name.replace(/\W+/g, '-'), adapters, workers);
      expect(outcome.debug.some((m) => m.includes('in 2 worker threads'))).toBe(true);
      expect(
        outcome.debug.filter((m) => m.includes('read worker failed') || m.includes('no read worker entry')),
      ).toEqual([]);
      expect(outcome.summary).toEqual(reference.summary);
      expect(outcome.store).toEqual(reference.store);
    });
  }
});
