import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beats, type CopyOrder } from './copy-order.js';

const copy = (rank: number, at: number, sessionId: string): CopyOrder => ({
  rank,
  occurredAt: new Date(at),
  sessionId,
});
const copies = fc.record({
  rank: fc.integer({ min: 0, max: 3 }),
  occurredAt: fc.integer({ min: 0, max: 3 }).map((ms) => new Date(ms)),
  sessionId: fc.constantFrom('a', 'b', 'c'),
});
const same = (a: CopyOrder, b: CopyOrder) =>
  a.rank === b.rank && a.occurredAt.getTime() === b.occurredAt.getTime() && a.sessionId === b.sessionId;

describe('beats (the copy-order rule)', () => {
  it('prefers the larger rank, then the earlier copy, then the smaller session id', () => {
    expect(beats(copy(2, 9, 'z'), copy(1, 0, 'a'))).toBe(true);
    expect(beats(copy(1, 0, 'z'), copy(1, 5, 'a'))).toBe(true);
    expect(beats(copy(1, 5, 'a'), copy(1, 5, 'b'))).toBe(true);
    expect(beats(copy(1, 5, 'a'), copy(1, 5, 'a'))).toBe(false);
  });

  it('is a strict total order: one of two different copies wins, never both, and wins chain', () => {
    fc.assert(
      fc.property(copies, copies, copies, (a, b, c) => {
        expect(beats(a, b) && beats(b, a)).toBe(false);
        if (!same(a, b)) expect(beats(a, b) || beats(b, a)).toBe(true);
        if (beats(a, b) && beats(b, c)) expect(beats(a, c)).toBe(true);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
