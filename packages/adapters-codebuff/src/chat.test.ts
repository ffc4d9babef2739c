import { describe, expect, it } from 'vitest';
import { chatFolderInstant, interpretChat, type ChatContext } from './chat.js';
import { parseUsage } from './usage-tokens.js';

const ctx: ChatContext = {
  sessionId: 'manicode/app/2026-07-16T00-09-00.236Z',
  chatStart: chatFolderInstant('2026-07-16T00-09-00.236Z'),
  fileWrite: null,
  cwd: '/w/app',
};

describe('Codebuff usage shapes', () => {
  it('keeps Anthropic-style cache apart and subtracts OpenAI-style cached prompt tokens', () => {
    expect(
      parseUsage({ inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 100, cacheCreationInputTokens: 7 }),
    ).toMatchObject({ kind: 'tokens', tokens: { input: 10, output: 5, cacheRead: 100, cacheWrite5m: 7 } });
    expect(
      parseUsage({ prompt_tokens: 1000, completion_tokens: 20, prompt_tokens_details: { cached_tokens: 800 } }),
    ).toMatchObject({ kind: 'tokens', tokens: { input: 200, output: 20, cacheRead: 800 } });
    expect(parseUsage({ totalTokens: 345 })).toMatchObject({ kind: 'tokens', tokens: { output: 345 } });
    expect(parseUsage({ inputTokens: -1 }).kind).toBe('invalid');
    expect(parseUsage({ credits: 5 }).kind).toBe('none');
  });
});

describe('interpretChat', () => {
  it('counts assistant usage from metadata, codebuff metadata and the run state, keyed by message id', () => {
    const parsed = interpretChat(
      [
        { id: 'u1', variant: 'user', content: 'Fix   the\nlogin', timestamp: '2026-07-16T00:10:00.000Z' },
        {
          id: 'a1',
          variant: 'ai',
          timestamp: '2026-07-16T00:11:00.000Z',
          metadata: { model: 'claude-x', usage: { inputTokens: 3, outputTokens: 4 } },
        },
        { id: 'a2', variant: 'agent', metadata: { codebuff: { usage: { input_tokens: 5, output_tokens: 6 } } } },
        {
          id: 'a3',
          variant: 'ai',
          timestamp: '04:15 PM',
          metadata: {
            runState: {
              sessionState: {
                mainAgentState: {
                  messageHistory: [
                    {
                      role: 'assistant',
                      providerOptions: {
                        codebuff: { model: 'gpt-y', usage: { promptTokens: 9, completionTokens: 1 } },
                      },
                    },
                  ],
                },
              },
            },
          },
        },
      ],
      ctx,
    );
    if (parsed.kind !== 'chat') throw new Error('not a chat');
    expect(
      parsed.usages.map((u) => [u.dedupeKey.split(':').at(-1), u.model, u.occurredAt, u.tokens.input, u.tokens.output]),
    ).toEqual([
      ['a1', 'claude-x', '2026-07-16T00:11:00.000Z', 3, 4],
      // No usable time of its own: the chat folder's time.
      ['a2', null, '2026-07-16T00:09:00.236Z', 5, 6],
      // "04:15 PM" is local wall-clock without a zone: not used.
      ['a3', 'gpt-y', '2026-07-16T00:09:00.236Z', 9, 1],
    ]);
    expect(parsed.activity).toMatchObject({
      firstAt: '2026-07-16T00:09:00.236Z',
      lastAt: '2026-07-16T00:11:00.000Z',
      projectPath: '/w/app',
      title: 'Fix the login',
      tokensKnown: true,
    });
  });

  it('keeps tokens unknown for a credits-only chat and never reads credits as dollars', () => {
    const parsed = interpretChat([{ variant: 'ai', credits: 12, timestamp: '2026-07-16T00:11:00.000Z' }], ctx);
    expect(parsed.kind === 'chat' && parsed.usages).toEqual([]);
    expect(parsed.kind === 'chat' && parsed.activity?.tokensKnown).toBe(false);
  });

  it('reports what is not a chat', () => {
    expect(interpretChat({ messages: [] }, ctx).kind).toBe('invalid');
    const parsed = interpretChat([1, { variant: 'ai', metadata: { usage: { outputTokens: 'many' } } }], ctx);
    expect(parsed.kind === 'chat' && parsed.problems).toHaveLength(2);
  });
});
