import type { AdapterEvent, ReadPosition } from '@rimuru/core';
import { drainEvents, eventsOfType } from '@rimuru/test-utils/codex';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import { geminiJsonl, geminiModelMessage, geminiTokens, geminiUserMessage } from '@rimuru/test-utils/gemini-cli';
import { describe, expect, it } from 'vitest';
import { readChatJson } from './read-chat-json.js';
import { DEFAULT_READ_LIMITS, readChatLog } from './read-chat-log.js';

const START: ReadPosition = { offset: 0, state: null };
const header = (id: string, extra: Record<string, unknown> = {}) => ({
  sessionId: id,
  projectHash: 'h',
  startTime: '2026-05-01T10:00:00.000Z',
  lastUpdated: '2026-05-01T10:00:00.000Z',
  kind: 'main',
  ...extra,
});
const t1 = geminiTokens({ prompt: 1_000, cached: 400, output: 50, thoughts: 20, tool: 3 });
const t2 = geminiTokens({ prompt: 2_000, output: 70 });

/** Reads a log in steps, resuming from each checkpoint, as the engine does while the agent writes. */
async function readInSteps(path: string, checkpointLines: number): Promise<AdapterEvent[]> {
  const limits = { ...DEFAULT_READ_LIMITS, checkpointLines };
  const out: AdapterEvent[] = [];
  let from = START;
  for (;;) {
    const part: AdapterEvent[] = [];
    for await (const e of readChatLog(path, from, limits)) {
      part.push(e);
      if (e.type === 'checkpoint') break;
    }
    out.push(...part);
    const cp = eventsOfType(part, 'checkpoint').at(-1);
    if (cp === undefined || cp.offset === from.offset) return out;
    from = { offset: cp.offset, state: cp.state };
  }
}

function keptUsage(events: AdapterEvent[]) {
  const kept = new Map<string, { rank: number; input: number; output: number }>();
  for (const u of eventsOfType(events, 'usage')) {
    const k = kept.get(u.dedupeKey);
    if (k === undefined || u.rank > k.rank)
      kept.set(u.dedupeKey, { rank: u.rank, input: u.tokens.input, output: u.tokens.output });
  }
  return kept;
}

describe('readChatLog', () => {
  it('counts each message once across upserts, a $set of all messages and a $rewindTo', async () => {
    await withTempHome(async (home) => {
      const answer = geminiModelMessage('g1', '2026-05-01T10:00:05.000Z', t1);
      const path = await home.write(
        '.gemini/tmp/p/chats/session-a.jsonl',
        geminiJsonl([
          header('s-a'),
          geminiUserMessage('u1', '2026-05-01T10:00:01.000Z'),
          { ...answer, tokens: null },
          answer,
          {
            ...answer,
            toolCalls: [{ id: 'c', name: 'ls', args: {}, status: 'success', timestamp: '2026-05-01T10:00:06.000Z' }],
          },
          { $rewindTo: 'u1' },
          geminiUserMessage('u2', '2026-05-01T10:01:00.000Z'),
          geminiModelMessage('g2', '2026-05-01T10:01:05.000Z', t2, 'gemini-2.5-flash'),
          {
            $set: {
              messages: [
                geminiUserMessage('u2', '2026-05-01T10:01:00.000Z'),
                geminiModelMessage('g2', '2026-05-01T10:01:05.000Z', t2, 'gemini-2.5-flash'),
              ],
            },
          },
          { $set: { lastUpdated: '2026-05-01T10:30:00.000Z', summary: 'Listing files' } },
        ]),
      );
      const events = await drainEvents(readChatLog(path, START));
      const kept = keptUsage(events);
      // The rewound answer g1 was sent and billed: it counts, once.
      expect([...kept.keys()].sort()).toEqual(['s-a:g1', 's-a:g2']);
      expect(kept.get('s-a:g1')).toMatchObject({ input: 600 + 3, output: 70 });
      expect(eventsOfType(events, 'diagnostic')).toEqual([]);
      expect(eventsOfType(events, 'activity')).toEqual([
        expect.objectContaining({
          sessionExternalId: 's-a',
          firstAt: '2026-05-01T10:00:00.000Z',
          lastAt: '2026-05-01T10:30:00.000Z',
          title: 'Listing files',
          tokensKnown: true,
        }),
      ]);
    });
  });

  it('gives the same kept usage and title when resumed after every line', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        '.gemini/tmp/p/chats/session-b.jsonl',
        geminiJsonl([
          header('s-b'),
          geminiModelMessage('g1', '2026-05-01T10:00:05.000Z', t1),
          { $rewindTo: 'g1' },
          geminiModelMessage('g2', '2026-05-01T10:01:05.000Z', t2),
          { $set: { summary: 'late title' } },
        ]),
      );
      const whole = await drainEvents(readChatLog(path, START));
      const stepped = await readInSteps(path, 1);
      expect(keptUsage(stepped)).toEqual(keptUsage(whole));
      expect(eventsOfType(stepped, 'activity').some((a) => a.title === 'late title')).toBe(true);
      expect(eventsOfType(stepped, 'checkpoint').length).toBeGreaterThan(4);
    });
  });

  it('dates a message without timestamp at the header startTime, even in a later read', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        '.gemini/tmp/p/chats/session-c.jsonl',
        geminiJsonl([header('s-c'), { id: 'g', type: 'gemini', tokens: t2, model: 'm' }]),
      );
      const stepped = await readInSteps(path, 1);
      expect(eventsOfType(stepped, 'usage').map((u) => u.occurredAt)).toEqual(['2026-05-01T10:00:00.000Z']);
    });
  });

  it('makes a subagent its own session under its parent, with the header directory as project', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        '.gemini/tmp/legacyhash/chats/parent-1/sub-1.jsonl',
        geminiJsonl([
          header('sub-1', { kind: 'subagent', directories: ['/src/app'] }),
          geminiModelMessage('g', '2026-05-01T10:00:01.000Z', t2),
        ]),
      );
      const activity = eventsOfType(await drainEvents(readChatLog(path, START)), 'activity');
      expect(activity[0]).toMatchObject({
        sessionExternalId: 'sub-1',
        parentExternalId: 'parent-1',
        projectPath: '/src/app',
      });
    });
  });

  it('reports unknown records and message types, and a non-object $set', async () => {
    await withTempHome(async (home) => {
      const path = await home.write(
        '.gemini/tmp/p/chats/session-d.jsonl',
        geminiJsonl([
          header('s-d'),
          { hello: 1 },
          { id: 'x', type: 'model', timestamp: '2026-05-01T10:00:01.000Z' },
          { $set: 3 },
          { id: 'g', type: 'gemini', timestamp: '2026-05-01T10:00:02.000Z', tokens: { input: -1 } },
        ]),
      );
      const codes = eventsOfType(await drainEvents(readChatLog(path, START)), 'diagnostic').map((d) => [
        d.code,
        d.line,
      ]);
      expect(codes).toEqual([
        ['unknown-record', 2],
        ['unknown-record', 3],
        ['invalid-record', 4],
        ['invalid-record', 5],
      ]);
    });
  });
});

describe('readChatJson', () => {
  it('reads a document: usage per Gemini message, project from the .project_root marker', async () => {
    await withTempHome(async (home) => {
      await home.write('.gemini/tmp/my-app/.project_root', '/home/u/my-app\n');
      const doc = {
        sessionId: 's-j',
        startTime: '2026-05-01T10:00:00.000Z',
        lastUpdated: '2026-05-01T10:09:00.000Z',
        summary: 'Fix it',
        messages: [
          geminiUserMessage('u', '2026-05-01T10:00:01.000Z'),
          geminiModelMessage('g', '2026-05-01T10:00:02.000Z', t1),
          geminiModelMessage('z', '2026-05-01T10:00:03.000Z', geminiTokens({ prompt: 0, output: 0 })),
        ],
      };
      const path = await home.write('.gemini/tmp/my-app/chats/session-j.json', JSON.stringify(doc));
      const events = await drainEvents(readChatJson(path));
      expect(eventsOfType(events, 'usage').map((u) => [u.dedupeKey, u.tokens.cacheRead])).toEqual([['s-j:g', 400]]);
      expect(eventsOfType(events, 'activity')[0]).toMatchObject({
        projectPath: '/home/u/my-app',
        title: 'Fix it',
        firstAt: '2026-05-01T10:00:00.000Z',
        lastAt: '2026-05-01T10:09:00.000Z',
      });
      expect(events.at(-1)).toEqual({ type: 'checkpoint', offset: JSON.stringify(doc).length, state: null });
    });
  });

  it('finds the project in ~/.gemini/projects.json when the marker is missing', async () => {
    await withTempHome(async (home) => {
      await home.write(
        '.gemini/projects.json',
        JSON.stringify({ projects: { '/home/u/other': 'other', '/home/u/slugged': 'slugged' } }),
      );
      const path = await home.write(
        '.gemini/tmp/slugged/chats/session-k.json',
        JSON.stringify({ sessionId: 'k', startTime: '2026-05-01T10:00:00.000Z', messages: [] }),
      );
      expect(eventsOfType(await drainEvents(readChatJson(path)), 'activity')[0]?.projectPath).toBe('/home/u/slugged');
    });
  });

  it('turns broken documents into diagnostics and still checkpoints', async () => {
    await withTempHome(async (home) => {
      const cases: [string, string | Buffer, string[]][] = [
        ['a.json', '{"sessionId": "x", "messages": [', ['invalid-json']],
        ['b.json', '[1, 2]', ['invalid-record']],
        ['c.json', Buffer.from([0x7b, 0xff, 0x7d]), ['invalid-utf8']],
        ['d.json', JSON.stringify({ history: [], start_time: 'x' }), ['unknown-record']],
      ];
      for (const [name, content, codes] of cases) {
        const events = await drainEvents(readChatJson(await home.write(`.gemini/tmp/p/chats/${name}`, content)));
        expect(
          eventsOfType(events, 'diagnostic').map((d) => d.code),
          name,
        ).toEqual(codes);
        expect(events.at(-1)?.type, name).toBe('checkpoint');
      }
    });
  });
});
