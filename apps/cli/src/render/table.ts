import { stripVTControlCharacters } from 'node:util';
import pc from 'picocolors';
import stringWidth from 'string-width';
import { shortenEnd, shortenMiddle } from './shorten.js';

/**
 * How one column gives way when the table is wider than the terminal. Giving way happens in
 * steps, highest priority first, until the table fits: a column is dropped (`drop`) or its
 * cells are shortened to `min` (`cut`; without a priority a shortenable column is cut before
 * anything is dropped). Afterwards the room left goes back to the shortened columns.
 */
export interface ColumnFit {
  /** Priority of dropping the column; absent: it always stays. */
  drop?: number;
  /** How its cells are shortened: `middle` keeps both ends of a path, `end` the start of a name. */
  shorten?: 'middle' | 'end';
  /** The narrowest a shortened column becomes (default 8). */
  min?: number;
  /** Priority of shortening the column (default: first of all). */
  cut?: number;
}

export interface TableOptions {
  color: boolean;
  align?: ('left' | 'right')[];
  /** Columns available; unlimited (the default) keeps every column at full width. */
  width?: number;
  fit?: (ColumnFit | undefined)[];
}

const GAP = 2;
const DEFAULT_MIN = 8;

/**
 * A borderless, compact table that never wraps: when wider than `width`, columns give way as
 * their `fit` says (see ColumnFit); cells too long for their column are shortened with ….
 */
export function renderTable(head: string[], rows: string[][], options: TableOptions): string {
  const fit = head.map((_, i) => options.fit?.[i] ?? {});
  const natural = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const widths = layoutColumns(natural, fit, options.width ?? Number.POSITIVE_INFINITY);
  const align = options.align ?? [];
  const line = (cells: string[], paint?: (s: string) => string) => {
    const parts: string[] = [];
    cells.forEach((cell, i) => {
      const w = widths[i];
      if (w === null || w === undefined) return;
      const text = fitCell(cell ?? '', w, fit[i]!.shorten ?? 'end');
      const pad = ' '.repeat(Math.max(0, w - stringWidth(text)));
      const padded = align[i] === 'right' ? pad + text : text + pad;
      parts.push(paint ? paint(padded) : padded);
    });
    return parts.join(' '.repeat(GAP)).trimEnd();
  };
  return [line(head, options.color ? pc.cyan : undefined), ...rows.map((r) => line(r))].join('\n');
}

/** Each column's width, or null where it is dropped. */
export function layoutColumns(natural: number[], fit: ColumnFit[], width: number): (number | null)[] {
  const widths: (number | null)[] = [...natural];
  const total = () => {
    const shown = widths.filter((w): w is number => w !== null);
    return shown.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, shown.length - 1);
  };
  const steps = fit
    .flatMap((f, i) => [
      ...(f.shorten ? [{ i, kind: 'cut' as const, priority: f.cut ?? Number.POSITIVE_INFINITY }] : []),
      ...(f.drop !== undefined ? [{ i, kind: 'drop' as const, priority: f.drop }] : []),
    ])
    // Highest priority first; on a tie, shorten before dropping.
    .sort((a, b) => b.priority - a.priority || (a.kind === b.kind ? 0 : a.kind === 'cut' ? -1 : 1));
  for (const step of steps) {
    if (total() <= width) break;
    if (widths[step.i] === null) continue;
    widths[step.i] = step.kind === 'drop' ? null : Math.min(natural[step.i]!, fit[step.i]!.min ?? DEFAULT_MIN);
  }
  // Still too wide (a table that declared too little): cut the widest column rather than wrap.
  while (total() > width) {
    const widest = widths.reduce<number>((best, w, i) => (w !== null && w > (widths[best] ?? -1) ? i : best), 0);
    const w = widths[widest]!;
    if (w <= 1) break;
    widths[widest] = Math.max(1, w - (total() - width));
  }
  // Give the room left back to shortened columns: the one cut last (the most valued) first,
  // then the least shortened, as a whole value reads better than two cut ones.
  let room = width - total();
  const cutPriority = (i: number) => fit[i]!.cut ?? Number.POSITIVE_INFINITY;
  const cut = widths
    .flatMap((w, i) => (w !== null && w < natural[i]! ? [i] : []))
    .sort((a, b) => cutPriority(a) - cutPriority(b) || natural[a]! - widths[a]! - (natural[b]! - widths[b]!));
  for (const i of cut) {
    if (room <= 0) break;
    const grow = Math.min(room, natural[i]! - widths[i]!);
    widths[i] = widths[i]! + grow;
    room -= grow;
  }
  return widths;
}

function fitCell(cell: string, width: number, how: 'middle' | 'end'): string {
  if (stringWidth(cell) <= width) return cell;
  // A shortened cell loses its colour: cutting through escape codes would garble it.
  const plain = stripVTControlCharacters(cell);
  return how === 'middle' ? shortenMiddle(plain, width) : shortenEnd(plain, width);
}
