/** Selection and scroll position of a list that shows `height` rows out of `count`. */
export interface ListCursor {
  selected: number;
  top: number;
}

export type CursorMove = 'up' | 'down' | 'first' | 'last' | 'halfPageUp' | 'halfPageDown' | 'pageUp' | 'pageDown';

export function clampCursor(cursor: ListCursor, count: number, height: number): ListCursor {
  const h = Math.max(1, height);
  if (count <= 0) return { selected: 0, top: 0 };
  const selected = Math.min(Math.max(0, cursor.selected), count - 1);
  let top = Math.min(Math.max(0, cursor.top), Math.max(0, count - h));
  // Keep the selection on screen: scroll the least needed.
  if (selected < top) top = selected;
  if (selected >= top + h) top = selected - h + 1;
  return { selected, top };
}

/** j/k/arrows, g/G, Ctrl+u/Ctrl+d (half a page, as in vim), PgUp/PgDn. */
export function moveCursor(cursor: ListCursor, move: CursorMove, count: number, height: number): ListCursor {
  const h = Math.max(1, height);
  const half = Math.max(1, Math.floor(h / 2));
  const delta: Record<CursorMove, number> = {
    up: -1,
    down: 1,
    first: -Infinity,
    last: Infinity,
    halfPageUp: -half,
    halfPageDown: half,
    pageUp: -h,
    pageDown: h,
  };
  const d = delta[move];
  const selected = d === -Infinity ? 0 : d === Infinity ? count - 1 : cursor.selected + d;
  // Half-page moves scroll the view with the selection, like vim's Ctrl+u/Ctrl+d.
  const top = move === 'halfPageUp' || move === 'halfPageDown' ? cursor.top + d : cursor.top;
  return clampCursor({ selected, top }, count, h);
}
