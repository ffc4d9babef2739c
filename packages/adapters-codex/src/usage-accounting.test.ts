import { describe, expect, it } from 'vitest';
import type { RawUsage } from './token-usage.js';
import { accountTokenCount } from './usage-accounting.js';

function u(input: number, cached: number, output: number, reasoning = 0): RawUsage {
  return { input, cached, output, reasoning, total: input + output };
}

describe('accountTokenCount (agent-formats §2.4)', () => {
  it('counts the first event by its last_token_usage, else by its total', () => {
    expect(accountTokenCount(null, u(300, 100, 50), u(200, 100, 20))).toEqual({
      kind: 'count',
      delta: u(200, 100, 20),
      total: u(300, 100, 50),
      reason: 'first',
    });
    expect(accountTokenCount(null, u(300, 100, 50), null)).toEqual({
      kind: 'count',
      delta: u(300, 100, 50),
      total: u(300, 100, 50),
      reason: 'first',
    });
  });

  it('skips a re-emit whose cumulative total did not move, whatever its last says', () => {
    expect(accountTokenCount(u(300, 100, 50), u(300, 100, 50), u(200, 100, 20))).toEqual({
      kind: 're-emit',
      total: u(300, 100, 50),
    });
  });

  it('counts how far the total moved when it advanced, even where last disagrees', () => {
    expect(accountTokenCount(u(300, 100, 50, 5), u(450, 180, 70, 9), u(150, 80, 20, 4))).toEqual({
      kind: 'count',
      delta: u(150, 80, 20, 4),
      total: u(450, 180, 70, 9),
      reason: 'advanced',
    });
    const disagreeing = accountTokenCount(u(1024, 512, 12), u(1100, 600, 20), u(900, 600, 20));
    expect(disagreeing).toMatchObject({ kind: 'count', delta: u(76, 88, 8), reason: 'advanced' });
  });

  it('counts last_token_usage when the total dropped (a restarted process)', () => {
    expect(accountTokenCount(u(9000, 4000, 700), u(500, 100, 40), u(300, 100, 25))).toEqual({
      kind: 'count',
      delta: u(300, 100, 25),
      total: u(500, 100, 40),
      reason: 'reset',
    });
    // One field going down is a reset too, even if others grew.
    expect(accountTokenCount(u(9000, 4000, 700), u(9500, 3000, 800), null)).toMatchObject({
      kind: 'count',
      reason: 'reset',
      delta: u(9500, 3000, 800),
    });
  });

  it('treats a total equal to its own last as a restarted counter even when it exceeds the old total', () => {
    // codex exec runs each turn as a new process: turn 2's total is just turn 2's request.
    expect(accountTokenCount(u(1024, 512, 12), u(1100, 512, 20), u(1100, 512, 20))).toEqual({
      kind: 'count',
      delta: u(1100, 512, 20),
      total: u(1100, 512, 20),
      reason: 'reset',
    });
    // After an all-zero total, growth and restart agree.
    expect(accountTokenCount(u(0, 0, 0), u(40, 0, 4), u(40, 0, 4))).toMatchObject({ delta: u(40, 0, 4) });
  });

  it('skips all-zero movement but keeps the new total', () => {
    expect(accountTokenCount(u(10, 0, 5), { ...u(10, 0, 5), total: 16 }, null)).toEqual({
      kind: 'zero',
      total: { ...u(10, 0, 5), total: 16 },
    });
    expect(accountTokenCount(null, u(0, 0, 0), u(0, 0, 0))).toEqual({ kind: 'zero', total: u(0, 0, 0) });
  });

  it('counts last-only events as written and keeps a running total', () => {
    expect(accountTokenCount(u(100, 0, 10), null, u(50, 20, 5))).toEqual({
      kind: 'count',
      delta: u(50, 20, 5),
      total: u(150, 20, 15),
      reason: 'last-only',
    });
    expect(accountTokenCount(null, null, null)).toBeNull();
  });
});
