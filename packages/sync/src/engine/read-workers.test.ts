// @module-tag built
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { claudeCodeAdapter } from '@rimuru/adapters-claude-code';
import { codexAdapter } from '@rimuru/adapters-codex';
import { bundledPriceTable, type AgentAdapter } from '@rimuru/core';
import { openStore, type SessionStore } from '@rimuru/db';
import { generateClaudeHome } from '@rimuru/test-utils/claude';
import { generateCodexHome } from '@rimuru/test-utils/codex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterContext } from './adapter-context.js';
import { DEFAULT_MIN_WORKER_BYTES, type ReadWorkerOptions } from './source-reader.js';
import { syncAll } from './sync-engine.js';

/**
 * Reading in worker threads must leave the store exactly as reading in the main thread does.
 * The workers run BUILT code (`dist/engine/read-worker-host.js` and the adapters' dist): build before
 * running this file, as for the CLI's end-to-end tests. The engine has no worker entry of its
 * own: as an app does, this test writes one, serving the two adapters it syncs by agent type
 * (the apps' entry, which serves the built-in registry, is tested in apps/cli/test/read-workers-e2e).
 */
const HOST = new URL('../../dist/engine/read-worker-host.js', import.meta.url);
const CLAUDE_DIST = new URL('../../../adapters-claude-code/dist/index.js', import.meta.url);
const CODEX_DIST = new URL('../../../adapters-codex/dist/index.js', import.meta.url);

/** A worker entry serving the adapters of `agentTypes` (of Claude Code and Codex). */
function writeEntry(name: string, agentTypes: string[]): URL {
  const file = join(dataDir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { serveReadWorker } from ${JSON.stringify(HOST.href)};
import { claudeCodeAdapter } from ${JSON.stringify(CLAUDE_DIST.href)};
import { codexAdapter } from ${JSON.stringify(CODEX_DIST.href)};
const served = new Set(${JSON.stringify(agentTypes)});
const adapters = { 'claude-code': claudeCodeAdapter, codex: codexAdapter };
serveReadWorker((agentType) => (served.has(agentType) ? adapters[agentType] : null));
`,
  );
  return pathToFileURL(file);
}

let home: string;
let dataDir: string;
/** Workers from a test entry serving both adapters, started for any size of sync. */
let WORKERS: ReadWorkerOptions;

beforeAll(async () => {
  if (!existsSync(HOST)) throw new Error(`${HOST.pathname} is missing: build the workspace first (pnpm run build)`);
  home = mkdtempSync(join(tmpdir(), 'rimuru-workers-home-'));
  dataDir = mkdtempSync(join(tmpdir(), 'rimuru-workers-data-'));
  WORKERS = { entry: writeEntry('entry', ['claude-code', 'codex']), minBytes: 0, size: 2 };
  const claude = await generateClaudeHome(home, {
    sessions: 16,
    requestsPerSession: 12,
    seed: 5,
    subagentEvery: 3,
    compactionEvery: 4,
    padBytes: 300,
  });
  await generateCodexHome(home, {
    sessions: 14,
    requestsPerSession: 10,
    seed: 6,
    archiveEvery: 4,
    legacyEvery: 5,
    spawnEvery: 3,
  });
  // Two sources long enough for several checkpointed stretches each (20k lines per stretch).
  const big = join(home, 'big');
  await generateClaudeHome(big, { sessions: 1, requestsPerSession: 9000, seed: 7, start: '2026-02-01T00:00:00.000Z' });
  await generateCodexHome(big, { sessions: 1, requestsPerSession: 9000, seed: 8, start: '2026-04-01T00:00:00.000Z' });
  // Malformed lines (diagnostics), and a last line still being written (never consumed).
  const [first, second] = claude.files;
  appendFileSync(
    first!,
    Buffer.concat([Buffer.from('{"oops\n\n   \n'), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from('[1,2]\n')]),
  );
  appendFileSync(second!, '{"type":"user","sessionId":"partial"');
  writeFileSync(join(home, '.claude', 'projects', 'empty.jsonl'), '');
});

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  summary: Record<string, unknown>;
  store: unknown;
  debug: string[];
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

async function syncInto(
  name: string,
  adapters: AgentAdapter[],
  readWorkers: ReadWorkerOptions | false,
  only?: (path: string) => boolean,
): Promise<Outcome> {
  const store = await openStore({ dialect: 'sqlite', path: join(dataDir, `${name}.db`) });
  const debug: string[] = [];
  try {
    const env = {
      HOME: home,
      CLAUDE_CONFIG_DIR: `${join(home, '.claude')},${join(home, 'big', '.claude')}`,
      CODEX_HOME: `${join(home, '.codex')},${join(home, 'big', '.codex')}`,
    };
    const ctx = createAdapterContext({ homeDir: home, env, logger: { debug: (m) => debug.push(m), warn: () => {} } });
    const { durationMs: _durationMs, ...summary } = await syncAll({
      store,
      adapters,
      ctx,
      host: 'h',
      prices: bundledPriceTable(),
      readWorkers,
      ...(only ? { only } : {}),
    });
    return { summary, store: await storeContents(store), debug };
  } finally {
    await store.close();
  }
}

describe('reading in worker threads', () => {
  let reference: Outcome;
  beforeAll(async () => {
    reference = await syncInto('main-thread', [claudeCodeAdapter, codexAdapter], false);
  }, 120_000);

  it('leaves the store, the summary and the diagnostics exactly as reading in the main thread', async () => {
    expect(reference.summary['diagnostics']).toBeGreaterThan(0);
    expect((reference.store as { checkpoints: unknown[] }).checkpoints.length).toBeGreaterThan(40);
    const outcome = await syncInto('workers', [claudeCodeAdapter, codexAdapter], WORKERS);
    expect(outcome.debug.some((m) => m.includes('in 2 worker threads'))).toBe(true);
    expect(outcome.debug.filter((m) => m.startsWith('read worker failed'))).toEqual([]);
    expect(outcome.summary).toEqual(reference.summary);
    expect(outcome.store).toEqual(reference.store);
  });

  it('reads a source in the main thread when its worker cannot load the adapter', async () => {
    const unloadable = {
      ...claudeCodeAdapter,
      workerModule: { specifier: 'file:///nonexistent/adapter.js', exportName: 'adapter' },
    };
    const outcome = await syncInto('unloadable', [unloadable, codexAdapter], WORKERS);
    expect(outcome.debug.some((m) => m.startsWith('read worker failed on'))).toBe(true);
    expect(outcome.summary).toEqual(reference.summary);
    expect(outcome.store).toEqual(reference.store);
  });

  it('reads a source in the main thread when the worker entry serves no adapter of its type', async () => {
    const codexOnly = { ...WORKERS, entry: writeEntry('codex-only', ['codex']) };
    const outcome = await syncInto('unserved', [claudeCodeAdapter, codexAdapter], codexOnly);
    const failures = outcome.debug.filter((m) => m.startsWith('read worker failed on'));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((m) => m.includes('serves no adapter for agent type claude-code'))).toBe(true);
    expect(outcome.summary).toEqual(reference.summary);
    expect(outcome.store).toEqual(reference.store);
  });

  it('reads in the main thread when the worker entry does not exist', async () => {
    const missing = { ...WORKERS, entry: pathToFileURL(join(dataDir, 'no-such-entry.mjs')) };
    const outcome = await syncInto('no-entry', [claudeCodeAdapter, codexAdapter], missing);
    expect(outcome.debug.some((m) => m.includes('worker threads'))).toBe(false);
    expect(outcome.summary).toEqual(reference.summary);
    expect(outcome.store).toEqual(reference.store);
  });

  it('goes on from the last checkpoint in the main thread when a worker fails mid-source', async () => {
    // An adapter module that fails after the first stretch of every source with more than one.
    const flaky = join(dataDir, 'flaky-adapter.mjs');
    writeFileSync(
      flaky,
      `import { claudeCodeAdapter } from ${JSON.stringify(CLAUDE_DIST.href)};
export const flaky = {
  ...claudeCodeAdapter,
  async *read(source, from, ctx) {
    let stretches = 0;
    for await (const event of claudeCodeAdapter.read(source, from, ctx)) {
      yield event;
      if (event.type === 'checkpoint' && (stretches += 1) === 1 && source.path.includes('/big/')) throw new Error('flaky read');
    }
  },
};
`,
    );
    const adapter = {
      ...claudeCodeAdapter,
      workerModule: { specifier: pathToFileURL(flaky).href, exportName: 'flaky' },
    };
    const outcome = await syncInto('flaky', [adapter, codexAdapter], WORKERS);
    const failures = outcome.debug.filter((m) => m.startsWith('read worker failed'));
    // The two-stretch transcript under big/: its first stretch came from the worker, the rest from here.
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/\/big\/.*\(flaky read\)/);
    expect(outcome.summary).toEqual(reference.summary);
    expect(outcome.store).toEqual(reference.store);
  });

  it('stays in the main thread below the size that pays for workers', async () => {
    const small = (path: string) => !path.includes('/big/');
    const outcome = await syncInto(
      'small',
      [claudeCodeAdapter, codexAdapter],
      { entry: WORKERS.entry, size: 2 },
      small,
    );
    expect(outcome.summary['bytesRead']).toBeLessThan(DEFAULT_MIN_WORKER_BYTES);
    expect(outcome.debug.some((m) => m.includes('worker threads'))).toBe(false);
    const forced = await syncInto(
      'small-forced',
      [claudeCodeAdapter, codexAdapter],
      { ...WORKERS, minBytes: 1 },
      small,
    );
    expect(forced.debug.some((m) => m.includes('worker threads'))).toBe(true);
    expect(forced.summary).toEqual(outcome.summary);
    expect(forced.store).toEqual(outcome.store);
  });
});
