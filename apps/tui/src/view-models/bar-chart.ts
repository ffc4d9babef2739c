import { fit } from './session-row.js';

export interface Bar {
  label: string;
  value: number;
  /** The figure printed after the bar, already formatted. */
  text: string;
}

/**
 * A horizontal bar chart as plain text lines (`label │████▌   $1.20`): readable without colour,
 * in tmux captures and on 80 columns. Bars are scaled to the largest value.
 */
export function barChart(bars: readonly Bar[], width: number): string[] {
  if (bars.length === 0) return ['(no data)'];
  const labelWidth = Math.min(14, Math.max(...bars.map((b) => [...b.label].length)));
  const textWidth = Math.max(...bars.map((b) => b.text.length));
  const room = Math.max(4, width - labelWidth - textWidth - 3);
  const max = Math.max(...bars.map((b) => b.value));
  return bars.map((b) => {
    const eighths = max > 0 ? Math.round((Math.max(0, b.value) / max) * room * 8) : 0;
    const bar = '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 > 0 ? PARTIAL[eighths % 8] : '');
    return `${fit(b.label, labelWidth)} │${fit(bar, room)} ${b.text.padStart(textWidth)}`;
  });
}

const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
