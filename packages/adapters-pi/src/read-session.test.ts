import type { AdapterEvent, ReadPosition, SessionActivity, UsageEvent } from '@rimuru/core';
import { collectEvents } from '@rimuru/test-utils/claude';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { readPiSessionFile } from './read-session.js';
import { piSessionIdFromPath } from './session-id.js';

const naming = (path: string) => ({
  sessionExternalId: piSessionIdFromPath(path),
  parentIdFromPath: piSessionIdFromPath,
});
const read = (path: string, from: ReadPosition = { offset: 0, state: null }): Promise<AdapterEvent[]> =>
  collectEvents(readPiSessionFile(path, from, naming(path)));
const jsonl = (...records: unknown[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');
const usage = (events: AdapterEvent[]) => events.filter((e): e is UsageEvent => e.type === 'usage');
const activity = (events: AdapterEvent[]) => events.filter((e): e is SessionActivity => e.type === 'activity');

const header = (id: string, at: string, extra: Record<string, unknown> = {}) => ({
  type: 'session',
  version: 3,
  id,
  timestamp: at,
  cwd: '/work/app',
  ...extra,
});
const assistant = (
  id: string,
  at: string,
  startedMs: number,
  usageRecord: unknown,
  extra: Record<string, unknown> = {},
) => ({
  type: 'message',
  id,
  parentId: null,
  timestamp: at,
  message: {
    role: 'assistant',
    content: [],
    provider: 'anthropic',
    model: 'claude-opus-4-5',
    usage: usageRecord,
    timestamp: startedMs,
    ...extra,
  },
});
const U = { input: 10, output: 5, cacheRead: 100, cacheWrite: 20, totalTokens: 135, cost: { total: 0.5 } };

describe('readPiSessionFile', () => {
  it('emits one usage per assistant call with the model, recorded cost and file-stem session id', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        's/--work-app--/2026-01-01T10-00-00-000Z_abc-123.jsonl',
        jsonl(
          header('abc-123', '2026-01-01T10:00:00.000Z'),
          assistant('a1', '2026-01-01T10:00:05.000Z', 1767261603000, U),
        ),
      );
      const events = await read(path);
      const [u] = usage(events);
      expect(u).toMatchObject({
        sessionExternalId: 'abc-123',
        occurredAt: '2026-01-01T10:00:05.000Z',
        model: 'claude-opus-4-5',
        recordedCostUsd: 0.5,
        tokens: { input: 10, output: 5, cacheRead: 100, cacheWrite5m: 20 },
        line: 2,
      });
      expect(activity(events)).toEqual([
        expect.objectContaining({
          firstAt: '2026-01-01T10:00:00.000Z',
          lastAt: '2026-01-01T10:00:05.000Z',
          projectPath: '/work/app',
          tokensKnown: true,
        }),
      ]);
    });
  });

  it('skips aborted zero-usage calls and falls back to the last model_change for unnamed calls', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        'x_s1.jsonl',
        jsonl(
          header('s1', '2026-01-01T10:00:00.000Z'),
          {
            type: 'model_change',
            id: 'm',
            parentId: null,
            timestamp: '2026-01-01T10:00:01.000Z',
            provider: 'openai',
            modelId: 'gpt-5.2',
          },
          assistant(
            'a1',
            '2026-01-01T10:00:02.000Z',
            1,
            { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, totalTokens: 0 },
            { stopReason: 'aborted' },
          ),
          {
            ...assistant('a2', '2026-01-01T10:00:03.000Z', 2, U),
            message: { role: 'assistant', usage: U, timestamp: 2 },
          },
        ),
      );
      const u = usage(await read(path));
      expect(u).toHaveLength(1);
      expect(u[0]?.model).toBe('gpt-5.2');
    });
  });

  it('keys a call by its content, so a v1 file (no entry ids) and its v3 migration give the same keys', async () => {
    await withTempHome(async (home) => {
      const v1 = {
        type: 'message',
        timestamp: '2026-01-01T10:00:05.000Z',
        message: { role: 'assistant', model: 'm', usage: U, timestamp: 7 },
      };
      const v3 = { ...v1, id: 'deadbeef', parentId: null };
      const a = await home.write(
        'a_s.jsonl',
        jsonl({ type: 'session', id: 's', timestamp: '2026-01-01T10:00:00.000Z', cwd: '/w' }, v1),
      );
      const b = await home.write('b_s.jsonl', jsonl(header('s', '2026-01-01T10:00:00.000Z'), v3));
      expect(usage(await read(a)).map((e) => e.dedupeKey)).toEqual(usage(await read(b)).map((e) => e.dedupeKey));
    });
  });

  it('ranks calls a branch copied from its parent below the parent, and keeps the copies out of its activity', async () => {
    await withTempHome(async (home) => {
      const parentCall = assistant('a1', '2026-01-01T10:00:05.000Z', 1767261604000, U);
      const parent = await home.write(
        'p/2026-01-01T10-00-00-000Z_parent.jsonl',
        jsonl(header('parent', '2026-01-01T10:00:00.000Z'), parentCall),
      );
      const branch = await home.write(
        'p/2026-01-01T11-00-00-000Z_child.jsonl',
        jsonl(
          header('child', '2026-01-01T11:00:00.000Z', { parentSession: parent }),
          parentCall,
          assistant('b1', '2026-01-01T11:00:09.000Z', 1767265205000, { ...U, output: 9 }),
        ),
      );
      const p = usage(await read(parent));
      const events = await read(branch);
      const b = usage(events);
      expect(b.map((e) => e.rank)).toEqual([0, 1]);
      expect(b[0]?.dedupeKey).toBe(p[0]?.dedupeKey);
      expect(p[0]?.rank).toBe(1);
      expect(activity(events)).toEqual([
        expect.objectContaining({
          sessionExternalId: 'child',
          parentExternalId: 'parent',
          firstAt: '2026-01-01T11:00:00.000Z',
        }),
      ]);
    });
  });

  it('names the parent of an older branchedFrom header too', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        's.jsonl',
        jsonl(
          header('s', '2026-01-01T10:00:00Z', {
            branchedFrom: 'C:\\Users\\x\\.pi\\2025-01-01T09-00-00-000Z_p-uuid.jsonl',
          }),
        ),
      );
      expect(activity(await read(path))[0]?.parentExternalId).toBe('p-uuid');
    });
  });

  it('reports unknown entry types, non-objects and malformed usage, and still reads the rest', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        's.jsonl',
        jsonl(
          header('s', '2026-01-01T10:00:00Z'),
          { type: 'future_entry', timestamp: '2026-01-01T10:00:01Z' },
          [1],
          assistant('a', '2026-01-01T10:00:02Z', 1, { input: 'x' }),
          assistant('b', '2026-01-01T10:00:03Z', 2, U),
        ),
      );
      const events = await read(path);
      expect(events.filter((e) => e.type === 'diagnostic').map((e) => (e.type === 'diagnostic' ? e.code : ''))).toEqual(
        ['unknown-record', 'invalid-record', 'invalid-record'],
      );
      expect(usage(events)).toHaveLength(1);
    });
  });

  it('marks a transcript whose assistant messages carry no usage as tokens unknown, with its models and reply count', async () => {
    await withTempHome(async (home) => {
      const reply = (at: string) => ({
        type: 'message',
        id: at,
        parentId: null,
        timestamp: at,
        message: { role: 'assistant', model: 'gpt-x', content: [] },
      });
      const path = await home.write(
        's.jsonl',
        jsonl(header('s', '2026-01-01T10:00:00Z'), reply('2026-01-01T10:00:01Z'), reply('2026-01-01T10:00:02Z')),
      );
      expect(activity(await read(path))).toEqual([
        expect.objectContaining({ tokensKnown: false, models: ['gpt-x'], requestCount: 2 }),
      ]);
    });
  });

  it('takes the title from session_info and keeps header facts across a resumed read', async () => {
    await withTempHome(async (home) => {
      const first = jsonl(header('s', '2026-01-01T10:00:00Z'));
      const rest = jsonl(
        { type: 'session_info', id: 'i', parentId: null, timestamp: '2026-01-01T10:00:01Z', name: 'Fix login' },
        assistant('a', '2026-01-01T10:00:02Z', 5, U),
      );
      const path = await home.write('s.jsonl', first);
      const head = await read(path);
      const checkpoint = head.at(-1);
      if (checkpoint?.type !== 'checkpoint') throw new Error('no checkpoint');
      await home.write('s.jsonl', first + rest);
      const tail = await read(path, { offset: checkpoint.offset, state: checkpoint.state });
      expect(activity(tail)).toEqual([
        expect.objectContaining({ projectPath: '/work/app', title: 'Fix login', tokensKnown: true }),
      ]);
      expect(usage(tail)[0]?.line).toBe(3);
    });
  });
});
