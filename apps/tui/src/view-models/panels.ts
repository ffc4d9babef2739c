import { fit } from './session-row.js';

/**
 * A titled panel with rounded borders, `width` wide and `height` tall (borders included), its
 * body cut or padded to fit: `╭─ Title ─…╮`, `│ body │`, `╰─…╯`.
 */
export function panel(title: string, body: readonly string[], width: number, height = body.length + 2): string[] {
  const inner = Math.max(1, width - 4);
  const top = `╭─ ${fit(title, Math.max(1, width - 6)).trimEnd()} `;
  const lines = [`${top}${'─'.repeat(Math.max(0, width - [...top].length - 1))}╮`];
  for (let i = 0; i < Math.max(0, height - 2); i++) lines.push(`│ ${fit(body[i] ?? '', inner)} │`);
  lines.push(`╰${'─'.repeat(Math.max(0, width - 2))}╯`);
  return lines;
}

/** Panels side by side, `gap` columns apart, as tall as the tallest (shorter ones padded). */
export function besides(columns: readonly (readonly string[])[], widths: readonly number[], gap = 1): string[] {
  const height = Math.max(0, ...columns.map((c) => c.length));
  const out: string[] = [];
  for (let i = 0; i < height; i++) out.push(columns.map((c, j) => fit(c[i] ?? '', widths[j]!)).join(' '.repeat(gap)));
  return out;
}

/** Widths of `n` columns sharing `width` with one-column gaps (the first ones take the remainder). */
export function columnWidths(width: number, n: number): number[] {
  const room = width - (n - 1);
  const base = Math.floor(room / n);
  return Array.from({ length: n }, (_, i) => base + (i < room - base * n ? 1 : 0));
}

/** A horizontal meter `████▌░░░` of `share` (0…1), `width` cells. */
export function meter(share: number, width: number): string {
  const eighths = Math.round(Math.min(1, Math.max(0, share)) * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8 > 0 ? PARTIAL[eighths % 8]! : '';
  return `${'█'.repeat(full)}${part}`.padEnd(width, '░');
}

const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
