import { describe, expect, it } from 'vitest';
import type { SpanRow } from './trace-rows.js';
import { spanUsage } from './span-usage.js';

function row(cells: Partial<SpanRow>): SpanRow {
  return {
    index: 1,
    spanId: 's',
    traceId: 't',
    parentSpanId: null,
    operation: 'chat',
    agentName: null,
    requestModel: 'm',
    responseModel: null,
    chatSessionId: 'c',
    parentChatSessionId: null,
    startMs: 1,
    endMs: 2,
    inputTokens: null,
    outputTokens: null,
    cachedTokens: null,
    cacheCreationTokens: null,
    reasoningTokens: null,
    nanoAiu: null,
    ...cells,
  };
}

describe('spanUsage', () => {
  it('takes cache reads and cache writes out of input_tokens (prompt_tokens counts them)', () => {
    // A real Claude request through Copilot: 30091 = 13230 read + 16860 written + 1 new.
    expect(
      spanUsage(
        row({
          inputTokens: 30_091,
          outputTokens: 1_567,
          cachedTokens: 13_230,
          cacheCreationTokens: 16_860,
          reasoningTokens: 119,
        }),
      ),
    ).toEqual({
      kind: 'usage',
      inconsistent: false,
      tokens: { input: 1, output: 1_567, cacheRead: 13_230, cacheWrite5m: 16_860, cacheWrite1h: 0, reasoning: 119 },
    });
  });

  it('keeps output as written (reasoning inside it) and caps the reasoning subset at output', () => {
    const usage = spanUsage(row({ inputTokens: 10, outputTokens: 5, reasoningTokens: 9 }));
    expect(usage.kind === 'usage' && [usage.tokens.output, usage.tokens.reasoning]).toEqual([5, 5]);
  });

  it('reports no usage for a request without token counts (failed or cancelled)', () => {
    expect(spanUsage(row({}))).toEqual({ kind: 'none' });
    expect(spanUsage(row({ cachedTokens: 4 }))).toEqual({ kind: 'none' });
  });

  it('counts a missing class as 0 when input or output is present', () => {
    const usage = spanUsage(row({ outputTokens: 7 }));
    expect(usage.kind === 'usage' && usage.tokens).toEqual({
      input: 0,
      output: 7,
      cacheRead: 0,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      reasoning: 0,
    });
  });

  it('flags more cache than input and counts input as 0', () => {
    expect(spanUsage(row({ inputTokens: 10, outputTokens: 1, cachedTokens: 8, cacheCreationTokens: 5 }))).toMatchObject(
      { kind: 'usage', inconsistent: true, tokens: { input: 0 } },
    );
  });

  it('rejects values that are not non-negative integers instead of guessing', () => {
    expect(spanUsage(row({ inputTokens: -1, outputTokens: 1 })).kind).toBe('invalid');
    expect(spanUsage(row({ inputTokens: 1.5, outputTokens: 1 })).kind).toBe('invalid');
    expect(spanUsage(row({ inputTokens: 1, outputTokens: { invalid: 'output_tokens holds text' } }))).toEqual({
      kind: 'invalid',
      reason: 'output_tokens holds text',
    });
  });
});
