import { appendFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claudeCodeAdapter } from '@rimuru/adapters-claude-code';
import { bundledPriceTable, type SourceRef } from '@rimuru/core';
import { openStore, type SessionStore } from '@rimuru/db';
import { claudeAssistantLine, claudeUserLine } from '@rimuru/test-utils/claude';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdapterContext } from './adapter-context.js';
import { syncAll, syncSources } from './sync-engine.js';

const SID = 'cccccccc-0000-4000-8000-000000000001';
const OTHER = 'cccccccc-0000-4000-8000-000000000002';

function reply(sessionId: string, n: number): string {
  return claudeAssistantLine({
    sessionId,
    cwd: '/home/dev/app',
    timestamp: new Date(Date.UTC(2026, 0, 5, 10, n)).toISOString(),
    model: 'claude-sonnet-4-5-20250929',
    messageId: `msg_${sessionId.slice(-1)}_${n}`,
    requestId: `req_${sessionId.slice(-1)}_${n}`,
    usage: { input: 10 + n, output: 100 * (n + 1) },
  });
}

let dir: string;
let home: string;
let store: SessionStore;
let transcript: string;
let other: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rimuru-sync-sources-'));
  home = join(dir, 'home');
  const project = join(home, '.claude', 'projects', '-home-dev-app');
  await mkdir(project, { recursive: true });
  transcript = join(project, `${SID}.jsonl`);
  other = join(project, `${OTHER}.jsonl`);
  await writeFile(transcript, `${reply(SID, 0)}\n${reply(SID, 1)}\n`);
  await writeFile(other, `${reply(OTHER, 0)}\n`);
  store = await openStore({ dialect: 'sqlite', path: join(dir, 'store', 'rimuru.db') });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const ctx = () => createAdapterContext({ env: {}, homeDir: home, now: () => new Date('2026-01-05T12:00:00.000Z') });
const syncOne = (sources: SourceRef[]) =>
  syncSources({
    store,
    adapter: claudeCodeAdapter,
    sources,
    ctx: ctx(),
    host: 'test-host',
    prices: bundledPriceTable(),
  });

describe('syncSources', () => {
  it('reads only the named source, then only its new bytes, then nothing', async () => {
    const first = await syncOne([{ path: transcript, mode: 'append' }]);
    expect(first).toMatchObject({
      sourcesSeen: 1,
      sourcesRead: 1,
      usageInserted: 2,
      bytesRead: (await stat(transcript)).size,
    });
    expect(await store.sources.checkpoint('claude-code', other)).toBeNull();
    expect((await store.sessions.find(OTHER)).length).toBe(0);

    const before = (await stat(transcript)).size;
    const added = `${reply(SID, 2)}\n`;
    await appendFile(transcript, added);
    const second = await syncOne([{ path: transcript, mode: 'append' }]);
    expect(second).toMatchObject({
      sourcesRead: 1,
      sourcesReread: 0,
      usageInserted: 1,
      bytesRead: Buffer.byteLength(added),
    });
    expect((await store.sources.checkpoint('claude-code', transcript))?.offset).toBe(before + Buffer.byteLength(added));

    expect(await syncOne([{ path: transcript, mode: 'append' }])).toMatchObject({ sourcesRead: 0, bytesRead: 0 });
    const [session] = await store.sessions.find(SID);
    expect(session?.requestCount).toBe(3);
  });

  it('takes lines without usage (a prompt) as activity, then prices the next reply', async () => {
    await syncOne([{ path: transcript, mode: 'append' }]);
    const prompt = `${claudeUserLine({ sessionId: SID, cwd: '/home/dev/app', timestamp: '2026-01-05T11:30:00.000Z', text: 'next' })}\n`;
    await appendFile(transcript, prompt);
    expect(await syncOne([{ path: transcript, mode: 'append' }])).toMatchObject({
      sourcesRead: 1,
      usageInserted: 0,
      bytesRead: Buffer.byteLength(prompt),
    });
    expect((await store.sessions.find(SID))[0]?.endedAt.toISOString()).toBe('2026-01-05T11:30:00.000Z');
    await appendFile(transcript, `${reply(SID, 40)}\n`);
    expect(await syncOne([{ path: transcript, mode: 'append' }])).toMatchObject({ usageInserted: 1 });
    const [session] = await store.sessions.find(SID);
    expect(session?.requestCount).toBe(3);
    expect(session?.calculatedCostNanos).toBeGreaterThan(0n);
  });

  it('leaves a full sync nothing to redo, and skips a vanished source', async () => {
    await syncOne([
      { path: transcript, mode: 'append' },
      { path: join(dir, 'gone.jsonl'), mode: 'append' },
    ]);
    const full = await syncAll({
      store,
      adapters: [claudeCodeAdapter],
      ctx: ctx(),
      host: 'test-host',
      prices: bundledPriceTable(),
    });
    // Only the other transcript is new to the full sync: the named one is already at its end.
    expect(full).toMatchObject({ sourcesSeen: 2, sourcesRead: 1, usageInserted: 1 });
  });
});
