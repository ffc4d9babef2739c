import { describe, expect, it } from 'vitest';
import { clampCursor, moveCursor } from './list-cursor.js';

describe('list cursor', () => {
  const h = 10;
  it('moves one row, scrolling only when the selection leaves the screen', () => {
    let c = { selected: 0, top: 0 };
    c = moveCursor(c, 'up', 100, h);
    expect(c).toEqual({ selected: 0, top: 0 });
    for (let i = 0; i < 10; i++) c = moveCursor(c, 'down', 100, h);
    expect(c).toEqual({ selected: 10, top: 1 });
  });

  it('g/G jump to the ends; Ctrl+d/Ctrl+u move half a page with the view', () => {
    expect(moveCursor({ selected: 5, top: 0 }, 'last', 50_000, h)).toEqual({ selected: 49_999, top: 49_990 });
    expect(moveCursor({ selected: 49_999, top: 49_990 }, 'first', 50_000, h)).toEqual({ selected: 0, top: 0 });
    expect(moveCursor({ selected: 2, top: 0 }, 'halfPageDown', 100, h)).toEqual({ selected: 7, top: 5 });
    expect(moveCursor({ selected: 7, top: 5 }, 'halfPageUp', 100, h)).toEqual({ selected: 2, top: 0 });
    expect(moveCursor({ selected: 98, top: 90 }, 'halfPageDown', 100, h)).toEqual({ selected: 99, top: 90 });
  });

  it('clamps to a shrunken list and an empty one', () => {
    expect(clampCursor({ selected: 40, top: 35 }, 12, h)).toEqual({ selected: 11, top: 2 });
    expect(clampCursor({ selected: 4, top: 0 }, 0, h)).toEqual({ selected: 0, top: 0 });
  });
});
