import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.js';

/** A list of `n` numbered rows, recording every fetch. */
function source(n: number) {
  const calls: [number, number][] = [];
  let bump = 0;
  const fetch = (offset: number, limit: number) => {
    calls.push([offset, limit]);
    return Promise.resolve(
      Array.from({ length: Math.max(0, Math.min(limit, n - offset)) }, (_, i) => offset + i + bump),
    );
  };
  return { calls, fetch, setBump: (b: number) => (bump = b) };
}

describe('PageCache', () => {
  it('fetches only the pages a window touches, once', async () => {
    const s = source(50_000);
    const cache = new PageCache(s.fetch, 100, 4);
    await cache.ensure(150, 260);
    expect(s.calls).toEqual([
      [100, 100],
      [200, 100],
    ]);
    expect(cache.slice(198, 202)).toEqual([198, 199, 200, 201]);
    expect(cache.get(99)).toBeUndefined();
    await cache.ensure(150, 260);
    expect(s.calls).toHaveLength(2);
  });

  it('keeps at most maxPages pages while scrolling through 50 000 rows', async () => {
    const s = source(50_000);
    const cache = new PageCache(s.fetch, 100, 4);
    for (let top = 0; top < 50_000; top += 1_000) await cache.ensure(top, top + 30);
    await cache.ensure(49_980, 50_000);
    expect(cache.loadedPages).toBeLessThanOrEqual(4);
    expect(cache.get(49_999)).toBe(49_999);
    // One fetch per page visited: 50 jumps and the last page.
    expect(s.calls.length).toBe(51);
  });

  it('refresh swaps fresh rows in at once; reset drops answers of older queries', async () => {
    const s = source(1_000);
    const cache = new PageCache(s.fetch, 100);
    await cache.ensure(0, 50);
    s.setBump(1_000);
    await cache.refresh(0, 50);
    expect(cache.get(0)).toBe(1_000);
    const slow = cache.ensure(300, 310);
    cache.reset();
    await slow;
    expect(cache.get(300)).toBeUndefined();
  });
});
