import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, parseStoreLocation, type SessionStore } from '@rimuru/db';
import { createAdapterContext } from '@rimuru/sync';
import { claudeAssistantLine, claudeUserLine, encodeClaudeProjectDir, jsonl } from '@rimuru/test-utils/claude';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinAdapters } from '@rimuru/app-runtime/builtin-adapters';
import { LiveSync } from './live-sync.js';
import type { TuiRuntime } from './tui-runtime.js';

const SESSION = 'eeeeeeee-0000-4000-8000-000000000005';
/** A model no bundled price knows: only the config's override can price it. */
const HOUSE_MODEL = 'house-model-1';

let root: string;
let store: SessionStore | null = null;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rimuru-tui-live-'));
});
afterEach(async () => {
  await store?.close();
  store = null;
  await rm(root, { recursive: true, force: true });
});

async function writeTranscript(home: string): Promise<void> {
  const cwd = '/home/u/echo';
  const dir = join(home, '.claude', 'projects', encodeClaudeProjectDir(cwd));
  await mkdir(dir, { recursive: true });
  const lines = [
    claudeUserLine({ sessionId: SESSION, cwd, timestamp: '2026-01-10T10:00:00.000Z', text: 'hi' }),
    claudeAssistantLine({
      sessionId: SESSION,
      cwd,
      timestamp: '2026-01-10T10:01:00.000Z',
      model: HOUSE_MODEL,
      messageId: 'msg-1',
      requestId: 'req-1',
      usage: { input: 1_000, output: 100 },
    }),
  ];
  await writeFile(join(dir, `${SESSION}.jsonl`), jsonl(lines));
}

describe('LiveSync', () => {
  it("prices the background sync with the config's price overrides, as `rimuru sync` does", async () => {
    const home = join(root, 'home');
    await writeTranscript(home);
    store = await openStore(parseStoreLocation(join(root, 'rimuru.db'), home));
    const rt: TuiRuntime = {
      // USD per million tokens: 1000 × $2/M + 100 × $8/M = $0.0028.
      config: { prices: { [HOUSE_MODEL]: { input: 2, output: 8 } } },
      store,
      ctx: createAdapterContext({ env: { HOME: home }, homeDir: home }),
      host: 'test-host',
      zone: 'UTC',
      costMode: 'auto',
      activeWindowMs: 30 * 60_000,
      syncIntervalMs: 0,
      adapters: builtinAdapters(),
    };
    const errors: unknown[] = [];
    const live = new LiveSync(rt, { onSynced: () => undefined, onError: (error) => errors.push(error) });
    await live.syncNow();
    await live.stop();
    expect(errors).toEqual([]);
    const totals = await store.usage.totals({});
    expect(totals.requestCount).toBe(1);
    expect(totals.unpricedRequestCount).toBe(0);
    expect(totals.calculatedCostNanos).toBe(2_800_000n);
  });
});
