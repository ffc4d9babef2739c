import { describe, expect, it } from 'vitest';
import { interpretThread } from './thread.js';

const T = 'T-0001';
const parse = (doc: unknown) => {
  const parsed = interpretThread(doc, T);
  if (parsed.kind !== 'thread') throw new Error(parsed.reason);
  return parsed;
};

describe('interpretThread', () => {
  it('counts one event per assistant message usage, non-cached input as written', () => {
    const parsed = parse({
      id: T,
      created: Date.UTC(2026, 0, 19, 11, 40),
      title: 'Fix the build',
      env: { initial: { trees: [{ displayName: 'app', uri: 'file:///home/me/my%20app' }] } },
      messages: [
        { role: 'user', messageId: 0, content: [] },
        {
          role: 'assistant',
          messageId: 1,
          usage: {
            model: 'claude-haiku-4-5-20251001',
            inputTokens: 10,
            outputTokens: 178,
            cacheCreationInputTokens: 986,
            cacheReadInputTokens: 11372,
            totalInputTokens: 12368,
            credits: 2.5,
            timestamp: '2026-01-19T11:42:10.652Z',
          },
        },
      ],
    });
    expect(parsed.usages).toHaveLength(1);
    expect(parsed.usages[0]).toMatchObject({
      dedupeKey: `${T}:m:1`,
      occurredAt: '2026-01-19T11:42:10.652Z',
      model: 'claude-haiku-4-5-20251001',
      tokens: { input: 10, output: 178, cacheRead: 11372, cacheWrite5m: 986, cacheWrite1h: 0, reasoning: 0 },
      // Credits are billing units, never dollars.
      recordedCostUsd: null,
    });
    expect(parsed.activity).toMatchObject({
      firstAt: '2026-01-19T11:40:00.000Z',
      lastAt: '2026-01-19T11:42:10.652Z',
      projectPath: '/home/me/my app',
      title: 'Fix the build',
      tokensKnown: true,
    });
  });

  it('never counts a ledger event and the message usage it points at twice', () => {
    const parsed = parse({
      id: T,
      messages: [
        {
          role: 'assistant',
          messageId: 1,
          usage: {
            model: 'm',
            inputTokens: 5,
            outputTokens: 6,
            cacheReadInputTokens: 7,
            timestamp: '2026-01-02T00:00:00Z',
          },
        },
        { role: 'assistant', messageId: 3 },
      ],
      usageLedger: {
        events: [
          {
            id: 'a',
            timestamp: '2026-01-02T00:00:00.000Z',
            model: 'm',
            tokens: { input: 5, output: 6 },
            toMessageId: 1,
          },
          {
            id: 'b',
            timestamp: '2026-01-02T00:01:00.000Z',
            model: 'm',
            tokens: { input: 1, output: 2 },
            toMessageId: 3,
          },
          { id: 'c', timestamp: '2026-01-02T00:02:00.000Z', model: 'm', tokens: { total: 345 } },
        ],
      },
    });
    expect(parsed.usages.map((u) => [u.dedupeKey, u.tokens.input, u.tokens.output, u.tokens.cacheRead])).toEqual([
      [`${T}:m:1`, 5, 6, 7],
      [`${T}:m:3`, 1, 2, 0],
      // Only a total: counted as output, as ccusage does.
      [`${T}:l:c`, 0, 345, 0],
    ]);
  });

  it('dates a usage without its own timestamp by the latest earlier time in the thread', () => {
    const parsed = parse({
      id: T,
      created: Date.UTC(2026, 1, 1),
      messages: [
        { role: 'user', messageId: 0, meta: { sentAt: Date.UTC(2026, 1, 1, 0, 5) } },
        { role: 'assistant', messageId: 1, usage: { inputTokens: 1, outputTokens: 1 } },
      ],
    });
    expect(parsed.usages[0]).toMatchObject({ occurredAt: '2026-02-01T00:05:00.000Z', model: null });
  });

  it('skips all-zero usage, reports malformed counts, and keeps tokens unknown without usage', () => {
    const zero = parse({
      id: T,
      created: 1_700_000_000_000,
      messages: [{ role: 'assistant', usage: { inputTokens: 0, outputTokens: 0 } }],
    });
    expect(zero.usages).toEqual([]);
    expect(zero.activity?.tokensKnown).toBe(true);

    const bad = parse({
      id: T,
      created: 1_700_000_000_000,
      messages: [{ role: 'assistant', messageId: 1, usage: { inputTokens: '12', outputTokens: 3 } }, 'junk'],
    });
    expect(bad.usages).toEqual([]);
    expect(bad.problems).toHaveLength(2);

    const none = parse({ id: T, created: 1_700_000_000_000, messages: [{ role: 'user', messageId: 0 }] });
    expect(none.activity?.tokensKnown).toBe(false);
  });

  it('rejects documents that are not threads and falls back to the file name for the id', () => {
    expect(interpretThread([], T).kind).toBe('invalid');
    expect(interpretThread({ messages: [] }, 'settings').kind).toBe('invalid');
    expect(interpretThread({ id: T, messages: {} }, T).kind).toBe('invalid');
    const byName = interpretThread({ created: 1_700_000_000_000, messages: [] }, 'T-from-name');
    expect(byName.kind === 'thread' && byName.threadId).toBe('T-from-name');
  });
});
