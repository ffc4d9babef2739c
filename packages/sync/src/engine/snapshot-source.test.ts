import { appendFile, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledPriceTable, type AdapterEvent, type AgentAdapter, type SourceRef } from '@rimuru/core';
import { openStore, type SourceCheckpoint } from '@rimuru/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdapterContext } from './adapter-context.js';
import { planSource, type SourcePlan } from './source-plan.js';
import { syncAll } from './sync-engine.js';
import type { SyncProgress } from './sync-summary.js';

function checkpointOf(plan: SourcePlan, path: string): SourceCheckpoint {
  if (plan.action !== 'read') throw new Error(`expected a read plan, got ${plan.reason}`);
  const { wal: _wal, ...identity } = plan.identity;
  return { agentType: 'test', path, ...identity, offset: 0, state: null, diagnosticCount: 0, updatedAt: new Date() };
}

let dir: string;
let db: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rimuru-snapshot-'));
  db = join(dir, 'state.vscdb');
  await writeFile(db, Buffer.alloc(8192, 1));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('planSource for snapshot sources with a -wal sibling', () => {
  const snapshot = (): SourceRef => ({ path: db, mode: 'snapshot' });

  it('sees a commit that only reached the WAL (the main file untouched)', async () => {
    await writeFile(`${db}-wal`, Buffer.alloc(100, 2));
    const first = await planSource(snapshot(), null);
    expect(first).toMatchObject({ action: 'read', identity: { size: 8192, wal: { size: 100 } } });
    const stored = checkpointOf(first, db);
    expect(await planSource(snapshot(), stored)).toEqual({ action: 'skip', reason: 'unchanged' });

    await appendFile(`${db}-wal`, Buffer.alloc(50, 3));
    expect(await planSource(snapshot(), stored)).toMatchObject({
      action: 'read',
      reason: 'changed',
      from: { offset: 0 },
    });
  });

  it('sees a WAL rewritten in place to the same size (only its mtime moves)', async () => {
    await writeFile(`${db}-wal`, Buffer.alloc(100, 2));
    const stored = checkpointOf(await planSource(snapshot(), null), db);
    const later = new Date(Date.now() + 10_000);
    await utimes(`${db}-wal`, later, later);
    expect(await planSource(snapshot(), stored)).toMatchObject({ action: 'read', reason: 'changed' });
  });

  it('sees a WAL appearing or disappearing, and keeps checkpoints without a WAL valid', async () => {
    const stored = checkpointOf(await planSource(snapshot(), null), db);
    expect(await planSource(snapshot(), stored)).toEqual({ action: 'skip', reason: 'unchanged' });
    await writeFile(`${db}-wal`, '');
    const withWal = await planSource(snapshot(), stored);
    expect(withWal).toMatchObject({ action: 'read', reason: 'changed' });
    await rm(`${db}-wal`);
    expect(await planSource(snapshot(), checkpointOf(withWal, db))).toMatchObject({
      action: 'read',
      reason: 'changed',
    });
  });

  it('ignores a -wal sibling of an append source', async () => {
    const append: SourceRef = { path: db, mode: 'append' };
    const first = await planSource(append, null);
    expect(first).toMatchObject({ identity: { wal: null } });
    await writeFile(`${db}-wal`, 'x');
    expect(await planSource(append, { ...checkpointOf(first, db), offset: 8192 })).toEqual({
      action: 'skip',
      reason: 'unchanged',
    });
  });
});

describe('sync progress of snapshot sources', () => {
  it('counts the file size once and completes, whatever offset the adapter checkpoints at', async () => {
    // A snapshot adapter like Cursor's: two checkpoints, both at offset 0 (nothing to resume).
    const adapter: AgentAdapter = {
      id: 'snapshot-test',
      label: 'Snapshot test',
      detect: () => Promise.resolve(true),
      roots: () => Promise.resolve([dir]),
      discover: () => Promise.resolve([{ path: db, mode: 'snapshot' }]),
      // eslint-disable-next-line @typescript-eslint/require-await -- an adapter's read is an async generator; this one yields fixed events
      async *read(): AsyncGenerator<AdapterEvent> {
        yield {
          type: 'activity',
          sessionExternalId: 's1',
          firstAt: '2026-01-01T00:00:00.000Z',
          lastAt: '2026-01-01T00:01:00.000Z',
          projectPath: null,
          parentExternalId: null,
          tokensKnown: false,
          title: null,
        };
        yield { type: 'checkpoint', offset: 0, state: null };
        yield { type: 'checkpoint', offset: 0, state: null };
      },
    };
    await writeFile(`${db}-wal`, Buffer.alloc(4096, 2));
    const store = await openStore({ dialect: 'sqlite', path: join(dir, 'store', 'rimuru.db') });
    try {
      const progress: SyncProgress[] = [];
      const run = () =>
        syncAll({
          store,
          adapters: [adapter],
          ctx: createAdapterContext({ env: {}, homeDir: dir, now: () => new Date('2026-01-02T00:00:00.000Z') }),
          host: 'test-host',
          prices: bundledPriceTable(),
          onProgress: (p) => progress.push(p),
        });
      const summary = await run();
      expect(summary.bytesRead).toBe(8192);
      expect(progress.at(-1)).toEqual({ bytesDone: 8192, bytesTotal: 8192, sourcesDone: 1, sourcesTotal: 1 });

      // Unchanged file and WAL: nothing to read. A WAL-only commit: read again, counted once again.
      expect((await run()).sourcesRead).toBe(0);
      await appendFile(`${db}-wal`, Buffer.alloc(4096, 3));
      progress.length = 0;
      expect(await run()).toMatchObject({ sourcesRead: 1, bytesRead: 8192 });
      expect(progress.at(-1)).toMatchObject({ bytesDone: 8192, bytesTotal: 8192 });
    } finally {
      await store.close();
    }
  });
});
