import type { AdapterEvent } from '@rimuru/core';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { geminiCliAdapter } from './gemini-adapter.js';
import { readGeminiChat } from './read-chat.js';
import { geminiChatJson, geminiChatJsonl, geminiMessage } from './test-chats.js';

async function read(path: string): Promise<AdapterEvent[]> {
  const out: AdapterEvent[] = [];
  for await (const e of readGeminiChat(path)) out.push(e);
  return out;
}
const ofType = <T extends AdapterEvent['type']>(events: AdapterEvent[], type: T) =>
  events.filter((e): e is Extract<AdapterEvent, { type: T }> => e.type === type);

describe('readGeminiChat', () => {
  it('reads a JSON chat: usage per Gemini message with tokens, activity over every timestamp', async () => {
    await withTempHome(async (home) => {
      const path = await home.write('.gemini/tmp/abc/chats/session-1.json', geminiChatJson());
      const events = await read(path);
      expect(ofType(events, 'usage').map((u) => [u.dedupeKey, u.model, u.tokens.input, u.tokens.output, u.tokens.cacheRead, u.tokens.reasoning])).toEqual([
        ['s-1:m2', 'gemini-2.5-pro', 1_000, 150, 4_000, 50],
        ['s-1:m4', 'gemini-2.5-flash', 200, 20, 0, 0],
      ]);
      expect(ofType(events, 'activity')).toEqual([
        {
          type: 'activity',
          sessionExternalId: 's-1',
          firstAt: '2025-10-01T09:00:00.000Z',
          lastAt: '2025-10-01T09:10:00.000Z',
          projectPath: null,
          parentExternalId: null,
          tokensKnown: true,
          title: null,
          models: ['gemini-2.5-pro', 'gemini-2.5-flash'],
        },
      ]);
      expect(ofType(events, 'diagnostic')).toEqual([]);
      expect(events.at(-1)).toEqual({ type: 'checkpoint', offset: Buffer.byteLength(geminiChatJson()), state: null });
    });
  });

  it('replays a JSONL chat: messages upserted by id (last wins), $set of fields and of all messages', async () => {
    await withTempHome(async (home) => {
      const path = await home.write('.gemini/tmp/abc/chats/session-2.jsonl', geminiChatJsonl());
      const events = await read(path);
      expect(ofType(events, 'usage').map((u) => [u.dedupeKey, u.tokens.output])).toEqual([['s-2:g1', 60]]);
      expect(ofType(events, 'activity')[0]).toMatchObject({ sessionExternalId: 's-2', firstAt: '2025-11-01T08:00:00.000Z', lastAt: '2025-11-01T08:30:00.000Z' });
    });
  });

  it('turns broken files and records into diagnostics, and still checkpoints', async () => {
    await withTempHome(async (home) => {
      const cases: [string, string | Buffer, string[]][] = [
        ['a.json', '{"sessionId": "x", "messages": [', ['invalid-json']],
        ['b.json', '[1, 2]', ['invalid-record']],
        ['c.json', Buffer.from([0x7b, 0xff, 0x7d]), ['invalid-utf8']],
        ['d.json', JSON.stringify({ sessionId: 'd', startTime: '2025-01-01T00:00:00Z', messages: [geminiMessage('m', '2025-01-01T00:00:01Z', { input: -5 })] }), ['invalid-record']],
        ['e.jsonl', '{"sessionId":"e","startTime":"2025-01-01T00:00:00Z"}\nnot json\n{"$set": 3}\n', ['invalid-record', 'invalid-record']],
      ];
      for (const [name, content, codes] of cases) {
        const events = await read(await home.write(`.gemini/tmp/p/chats/${name}`, content));
        expect(ofType(events, 'diagnostic').map((d) => d.code), name).toEqual(codes);
        expect(events.at(-1)?.type, name).toBe('checkpoint');
      }
    });
  });

  it('discovers chat files under GEMINI_DATA_DIR or ~/.gemini/tmp, never the prompt log', async () => {
    await withTempHome(async (home) => {
      await home.write('.gemini/tmp/h2/chats/session-b.json', geminiChatJson());
      await home.write('.gemini/tmp/h1/chats/session-a.jsonl', geminiChatJsonl());
      await home.write('.gemini/tmp/h1/logs.json', '[]');
      const ctx = { homeDir: home.dir, env: {}, platform: 'linux', now: () => new Date(), logger: { debug() {}, warn() {} } };
      const sources = await geminiCliAdapter.discover(ctx);
      expect(sources.map((s) => s.path.slice(home.dir.length))).toEqual(['/.gemini/tmp/h1/chats/session-a.jsonl', '/.gemini/tmp/h2/chats/session-b.json']);
      const other = await home.write('elsewhere/x/chats/c.json', geminiChatJson());
      const moved = await geminiCliAdapter.discover({ ...ctx, env: { GEMINI_DATA_DIR: other.slice(0, -'/x/chats/c.json'.length) } });
      expect(moved.map((s) => s.path)).toEqual([other]);
    });
  });
});
