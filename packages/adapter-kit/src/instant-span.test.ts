import { describe, expect, it } from 'vitest';
import { InstantSpan } from './instant-span.js';

describe('InstantSpan', () => {
  it('keeps the earliest and latest instant whatever the order, and starts empty after take()', () => {
    const span = new InstantSpan();
    expect(span.take()).toBeNull();
    span.add({ ms: 20, iso: 'b' });
    span.add({ ms: 10, iso: 'a' });
    span.add({ ms: 15, iso: 'm' });
    expect(span.take()).toEqual({ first: { ms: 10, iso: 'a' }, last: { ms: 20, iso: 'b' } });
    expect(span.take()).toBeNull();
  });
});
