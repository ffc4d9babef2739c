import stringWidth from 'string-width';

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter();

function graphemes(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** Keeps the start of `text` within `width` display columns, ending in … when cut. */
export function shortenEnd(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  for (const g of graphemes(text)) {
    if (stringWidth(out + g) > width - 1) break;
    out += g;
  }
  return out + ELLIPSIS;
}

/** Keeps both ends of `text` (a path: its root and its last segment) within `width`, … in the middle. */
export function shortenMiddle(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  if (width <= 1) return shortenEnd(text, width);
  const parts = graphemes(text);
  const budget = width - 1;
  // The end says more about a path than its start: give it the larger half.
  const tailBudget = Math.ceil(budget / 2);
  let tail = '';
  for (let i = parts.length - 1; i >= 0 && stringWidth(parts[i] + tail) <= tailBudget; i--) tail = parts[i] + tail;
  let head = '';
  for (const g of parts) {
    if (stringWidth(head + g) + stringWidth(tail) > budget) break;
    head += g;
  }
  return head + ELLIPSIS + tail;
}

/** Breaks prose into lines of at most `width` columns at spaces (a word longer than a line is cut). */
export function wrapText(text: string, width: number): string {
  if (!Number.isFinite(width) || stringWidth(text) <= width) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (stringWidth(next) <= width) line = next;
    else {
      if (line !== '') lines.push(line);
      line = stringWidth(word) <= width ? word : shortenEnd(word, width);
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** Data roots in one cell: all of them at full width, else the first and how many more. */
export function rootsCell(roots: string[], width: number): string {
  if (roots.length === 0) return '—';
  if (!Number.isFinite(width) || roots.length === 1) return roots.join(', ');
  return `${roots[0]} (+${roots.length - 1} more)`;
}
