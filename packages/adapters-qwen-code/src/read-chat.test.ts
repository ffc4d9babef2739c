import type { ReadPosition } from '@rimuru/core';
import { codexTotalsBySession, drainEvents, eventsOfType } from '@rimuru/test-utils/codex';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import {
  qwenAssistantLine,
  qwenJsonl,
  qwenSystemLine,
  qwenTelemetryLine,
  qwenUsage,
  qwenUserLine,
} from '@rimuru/test-utils/qwen-code';
import { describe, expect, it } from 'vitest';
import { qwenCodeAdapter } from './adapter.js';
import { readQwenChat } from './read-chat.js';

const START: ReadPosition = { offset: 0, state: null };
const at = (s: number) => `2026-06-15T14:40:${String(s).padStart(2, '0')}.000Z`;
const rec = (uuid: string, s: number, sessionId = 'q-1') => ({ uuid, sessionId, timestamp: at(s), cwd: '/tmp/proj' });

describe('readQwenChat', () => {
  it('counts assistant calls once, ignores telemetry copies, keeps the larger streamed copy', async () => {
    await withTempHome(async (home) => {
      const u = qwenUsage({ prompt: 600, cached: 50, output: 5 });
      const path = await home.write(
        '.qwen/projects/-tmp-proj/chats/q-1.jsonl',
        qwenJsonl([
          qwenUserLine(rec('a', 1)),
          qwenTelemetryLine(rec('t', 2), 'coder-model', u),
          qwenAssistantLine(rec('b', 3), 'coder-model', qwenUsage({ prompt: 10, output: 1 })),
          qwenAssistantLine(rec('b', 4), 'coder-model', u),
          qwenSystemLine(rec('r', 5), 'rewind', { truncatedCount: 1 }),
          qwenAssistantLine(rec('c', 6), 'coder-model'),
        ]),
      );
      const events = await drainEvents(readQwenChat(path, START));
      expect(codexTotalsBySession(events).get('q-1')).toEqual({
        requests: 1,
        models: ['coder-model'],
        tokens: { input: 550, output: 5, cacheRead: 50, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
      });
      expect(eventsOfType(events, 'activity')).toEqual([
        expect.objectContaining({
          sessionExternalId: 'q-1',
          firstAt: at(1),
          lastAt: at(6),
          projectPath: '/tmp/proj',
          tokensKnown: true,
        }),
      ]);
      expect(eventsOfType(events, 'diagnostic')).toEqual([]);
    });
  });

  it('reports a session whose calls carry no usage as tokens unknown', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        '.qwen/projects/p/chats/q-2.jsonl',
        qwenJsonl([qwenUserLine(rec('a', 1, 'q-2')), qwenAssistantLine(rec('b', 2, 'q-2'), 'm')]),
      );
      const events = await drainEvents(readQwenChat(path, START));
      expect(eventsOfType(events, 'usage')).toEqual([]);
      expect(eventsOfType(events, 'activity')[0]).toMatchObject({ tokensKnown: false, models: ['m'] });
    });
  });

  it('keeps the session and project decided by the first record in a resumed read', async () => {
    await withTempHome(async (home) => {
      const lines = [
        qwenUserLine(rec('a', 1, 'first')),
        { ...qwenAssistantLine(rec('b', 2, 'other'), 'm', qwenUsage({ prompt: 9, output: 1 })), cwd: '/elsewhere' },
      ];
      const path = await home.write('.qwen/projects/p/chats/file-stem.jsonl', qwenJsonl(lines));
      const firstPart = await drainEvents(
        readQwenChat(path, START, {
          chunkSize: 64 * 1024,
          maxLineBytes: 1 << 20,
          checkpointBytes: 1,
          checkpointLines: 1,
        }),
      );
      const cp = eventsOfType(firstPart, 'checkpoint')[0]!;
      const rest = await drainEvents(readQwenChat(path, { offset: cp.offset, state: cp.state }));
      expect(eventsOfType(rest, 'usage').map((u) => u.sessionExternalId)).toEqual(['first']);
      expect(eventsOfType(rest, 'activity')[0]?.projectPath).toBe('/tmp/proj');
    });
  });

  it('turns unknown record types and bad usage into diagnostics', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        '.qwen/projects/p/chats/q-3.jsonl',
        qwenJsonl([
          { ...qwenUserLine(rec('a', 1)), type: 'mystery' },
          7,
          { ...qwenAssistantLine(rec('b', 2), 'm'), usageMetadata: { promptTokenCount: -1 } },
          { ...qwenAssistantLine(rec('c', 3), 'm', qwenUsage({ prompt: 1, output: 1 })), timestamp: 'soon' },
        ]),
      );
      const codes = eventsOfType(await drainEvents(readQwenChat(path, START)), 'diagnostic').map((d) => [
        d.code,
        d.line,
      ]);
      expect(codes).toEqual([
        ['unknown-record', 1],
        ['invalid-record', 2],
        ['invalid-record', 3],
        ['invalid-record', 4],
      ]);
    });
  });
});

describe('qwen discovery', () => {
  it('finds projects/*/chats/*.jsonl under ~/.qwen, QWEN_HOME, QWEN_RUNTIME_DIR or QWEN_DATA_DIR', async () => {
    await withTempHome(async (home) => {
      const a = await home.write('.qwen/projects/p/chats/a.jsonl', '');
      await home.write('.qwen/projects/p/chats/deeper/x.jsonl', '');
      await home.write('.qwen/projects/p/other.jsonl', '');
      const b = await home.write('custom/projects/p/chats/b.jsonl', '');
      const c = await home.write('runtime/projects/p/chats/c.jsonl', '');
      const list = async (env: Record<string, string>) =>
        (await qwenCodeAdapter.discover(testAdapterContext({ homeDir: home.dir, env }))).map((s) => s.path);
      expect(await list({})).toEqual([a]);
      expect(await list({ QWEN_HOME: '~/custom', QWEN_RUNTIME_DIR: `${home.dir}/runtime` })).toEqual([c, b]);
      expect(await list({ QWEN_DATA_DIR: '~/custom,~/.qwen' })).toEqual([b, a]);
      await expect(list({ QWEN_DATA_DIR: '/no/such/qwen' })).rejects.toThrow(/QWEN_DATA_DIR/);
      expect(
        (await qwenCodeAdapter.discover(testAdapterContext({ homeDir: home.dir, platform: 'win32' }))).map(
          (s) => s.mode,
        ),
      ).toEqual(['append']);
    });
  });
});
