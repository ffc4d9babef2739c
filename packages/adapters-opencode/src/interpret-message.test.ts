import { describe, expect, it } from 'vitest';
import { billedTokens, interpretMessage } from './interpret-message.js';
import { rawTokensOf } from './message-tokens.js';

const rule = { zeroCostIsRecorded: false };
const origin = { rowId: null, sessionHint: 'folder-session', index: 1 };
const assistant = (extra: Record<string, unknown>) => ({
  id: 'msg_1',
  sessionID: 'ses_1',
  role: 'assistant',
  modelID: 'claude-sonnet-4-5',
  time: { created: 1767312000000, completed: 1767312005000 },
  tokens: { input: 100, output: 50, reasoning: 0, cache: { read: 10, write: 20 } },
  ...extra,
});

describe('interpretMessage', () => {
  it('makes one usage event keyed by the message id, with the recorded dollar cost', () => {
    const facts = interpretMessage(assistant({ cost: 0.02 }), origin, [], rule);
    expect(facts.usage).toMatchObject({
      sessionExternalId: 'ses_1',
      dedupeKey: 'msg_1',
      occurredAt: '2026-01-02T00:00:00.000Z',
      model: 'claude-sonnet-4-5',
      recordedCostUsd: 0.02,
      tokens: { input: 100, output: 50, cacheRead: 10, cacheWrite5m: 20 },
    });
  });

  it('does not take a cost of 0 as recorded for OpenCode, but does when the rule says so (Kilo)', () => {
    expect(interpretMessage(assistant({ cost: 0 }), origin, [], rule).usage?.recordedCostUsd).toBeNull();
    expect(
      interpretMessage(assistant({ cost: 0 }), origin, [], { zeroCostIsRecorded: true }).usage?.recordedCostUsd,
    ).toBe(0);
    expect(interpretMessage(assistant({ cost: { input: 1 } }), origin, [], rule).usage?.recordedCostUsd).toBeNull();
  });

  it('ranks a completed copy above a streaming one, and a larger copy above a smaller', () => {
    const streaming = interpretMessage(
      assistant({ time: { created: 1767312000000 }, tokens: { input: 900, output: 900 } }),
      origin,
      [],
      rule,
    );
    const done = interpretMessage(assistant({}), origin, [], rule);
    expect(done.usage!.rank).toBeGreaterThan(streaming.usage!.rank);
    const bigger = interpretMessage(assistant({ tokens: { input: 101, output: 50 } }), origin, [], rule);
    const smaller = interpretMessage(assistant({ tokens: { input: 100, output: 50 } }), origin, [], rule);
    expect(bigger.usage!.rank).toBeGreaterThan(smaller.usage!.rank);
  });

  it('bills the step-finish sum when the message kept only its last step, never both', () => {
    const own = rawTokensOf({ input: 10, output: 5 })!;
    const steps = [rawTokensOf({ input: 7, output: 1 })!, rawTokensOf({ input: 10, output: 5 })!];
    expect(billedTokens(own, steps)).toMatchObject({ input: 17, output: 6 });
    expect(billedTokens(own, [own])).toEqual(own);
    expect(billedTokens(own, [])).toEqual(own);
  });

  it('marks a message billed as the sum of its steps as that many requests; its own tokens are one request', () => {
    const steps = [rawTokensOf({ input: 7, output: 1 })!, rawTokensOf({ input: 10, output: 5 })!];
    const summed = interpretMessage(assistant({ tokens: { input: 10, output: 5 } }), origin, steps, rule);
    expect(summed.usage).toMatchObject({ tokens: { input: 17, output: 6 }, requestCount: 2 });
    const single = interpretMessage(assistant({ tokens: { input: 10, output: 5 } }), origin, [steps[1]!], rule);
    expect(single.usage).not.toHaveProperty('requestCount');
    expect(interpretMessage(assistant({}), origin, [], rule).usage).not.toHaveProperty('requestCount');
  });

  it('emits no usage for zero tokens, reports a total without breakdown, and takes the folder as session', () => {
    const zero = interpretMessage(
      assistant({ sessionID: undefined, tokens: { input: 0, output: 0 } }),
      origin,
      [],
      rule,
    );
    expect(zero.usage).toBeNull();
    expect(zero.hasTokens).toBe(true);
    expect(zero.sessionId).toBe('folder-session');
    const totalOnly = interpretMessage(assistant({ tokens: { total: 123 } }), origin, [], rule);
    expect(totalOnly.usage).toBeNull();
    expect(totalOnly.problem).toMatch(/total without a breakdown/);
  });

  it('reads epoch seconds, project from path.cwd or a plain path string, and the nested model', () => {
    const facts = interpretMessage(
      assistant({ time: { created: 1767312000 }, path: '/tmp/p', modelID: undefined, model: { modelID: 'gpt-5' } }),
      origin,
      [],
      rule,
    );
    expect(facts.usage?.occurredAt).toBe('2026-01-02T00:00:00.000Z');
    expect(facts.projectPath).toBe('/tmp/p');
    expect(facts.model).toBe('gpt-5');
    expect(interpretMessage(assistant({ path: { cwd: '/a', root: '/b' } }), origin, [], rule).projectPath).toBe('/a');
  });

  it('reports a message with tokens but no id or no time instead of dropping it silently', () => {
    expect(interpretMessage(assistant({ id: undefined }), origin, [], rule).problem).toMatch(/without an id/);
    expect(interpretMessage(assistant({ time: {} }), origin, [], rule).problem).toMatch(/no time/);
  });
});
