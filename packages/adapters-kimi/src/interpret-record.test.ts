import type { AdapterEvent, UsageEvent } from '@rimuru/core';
import { collectEvents } from '@rimuru/test-utils/claude';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readWire } from './read-wire.js';

const jsonl = (...records: unknown[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');
const usage = (events: AdapterEvent[]) => events.filter((e): e is UsageEvent => e.type === 'usage');
const read = async (path: string) => collectEvents(readWire(path, { offset: 0, state: null }));

describe('Kimi Code wire records', () => {
  it('counts turn-scope usage.record lines only, with the record model or the configured alias', async () => {
    await withTempHome(async (home) => {
      const u = { inputOther: 100, output: 10, inputCacheRead: 1000, inputCacheCreation: 5 };
      const path = await home.write(
        '.kimi-code/sessions/wd_p_1/session_x/agents/main/wire.jsonl',
        jsonl(
          { type: 'config.update', modelAlias: 'kimi-code/k3', time: 1000 },
          { type: 'context.append_loop_event', event: { type: 'step.end', usage: u }, time: 2000 },
          { type: 'usage.record', usage: u, usageScope: 'turn', time: 2000 },
          { type: 'usage.record', model: 'other', usage: u, time: 3000 },
          { type: 'usage.record', usage: u, usageScope: 'session', time: 4000 },
          { type: 'usage.record', usage: { inputOther: 0, output: 0 }, usageScope: 'turn', time: 5000 },
        ),
      );
      const events = await read(path);
      expect(
        usage(events).map((e) => [
          e.model,
          e.tokens.input,
          e.tokens.cacheRead,
          e.tokens.cacheWrite5m,
          e.sessionExternalId,
        ]),
      ).toEqual([
        ['kimi-code/k3', 100, 1000, 5, 'session_x'],
        ['other', 100, 1000, 5, 'session_x'],
      ]);
      expect(new Set(usage(events).map((e) => e.dedupeKey)).size).toBe(2);
    });
  });

  it('keys a subagent file apart from the main file even at the same time and counts', async () => {
    await withTempHome(async (home) => {
      const line = jsonl({ type: 'usage.record', usage: { inputOther: 1, output: 1 }, time: 1000 });
      const a = await home.write('.kimi-code/sessions/wd/session_s/agents/main/wire.jsonl', line);
      const b = await home.write('.kimi-code/sessions/wd/session_s/agents/agent-0/wire.jsonl', line);
      expect(usage(await read(a))[0]?.dedupeKey).not.toBe(usage(await read(b))[0]?.dedupeKey);
    });
  });

  it('reports malformed usage and shapeless lines', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        '.kimi-code/sessions/wd/session_s/agents/main/wire.jsonl',
        jsonl({ type: 'usage.record', usage: { inputOther: -3 }, time: 1 }, { hello: 1 }, 'text'),
      );
      expect((await read(path)).flatMap((e) => (e.type === 'diagnostic' ? [e.code] : []))).toEqual([
        'invalid-record',
        'unknown-record',
        'invalid-record',
      ]);
    });
  });
});

describe('kimi-cli wire records', () => {
  it('counts StatusUpdate token_usage, dates it from epoch seconds and finds the project through kimi.json', async () => {
    await withTempHome(async (home) => {
      const cwd = '/home/me/proj';
      const md5 = createHash('md5').update(cwd).digest('hex');
      await home.write(
        '.kimi/kimi.json',
        JSON.stringify({ work_dirs: [{ path: '/elsewhere' }, { path: cwd, kaos: 'local' }] }),
      );
      await home.write('.kimi/config.toml', '[models]\ndefault_model = "kimi-k2"\n');
      const path = await home.write(
        `.kimi/sessions/${md5}/abc/wire.jsonl`,
        jsonl(
          { type: 'metadata', protocol_version: '1.1' },
          { timestamp: 1760000000.5, message: { type: 'TurnBegin', payload: {} } },
          {
            timestamp: 1760000001.123456,
            message: {
              type: 'StatusUpdate',
              payload: {
                token_usage: { input_other: 7, output: 3, input_cache_read: 40, input_cache_creation: 2 },
                message_id: 'm1',
              },
            },
          },
          { timestamp: 1760000002, message: { type: 'StatusUpdate', payload: { context_usage: 0.2 } } },
        ),
      );
      const events = await read(path);
      expect(usage(events)).toEqual([
        expect.objectContaining({
          sessionExternalId: 'abc',
          occurredAt: '2025-10-09T08:53:21.123Z',
          model: 'kimi-k2',
          dedupeKey: 'cli:abc:msg:m1',
        }),
      ]);
      expect(usage(events)[0]?.tokens).toMatchObject({ input: 7, output: 3, cacheRead: 40, cacheWrite5m: 2 });
      expect(events.find((e) => e.type === 'activity')).toMatchObject({
        projectPath: cwd,
        firstAt: '2025-10-09T08:53:20.500Z',
        lastAt: '2025-10-09T08:53:22.000Z',
      });
    });
  });
});
