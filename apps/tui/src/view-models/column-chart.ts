import { fit } from './session-row.js';

export interface ChartColumn {
  label: string;
  value: number;
}

export interface ColumnChartOptions {
  width: number;
  /** Rows of bars (the axis and the labels add two lines). */
  height: number;
  /** The y-axis figures (`$1.20`). */
  format(value: number): string;
}

const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** How many columns a chart of `width` can draw (one terminal column each at least). */
export function columnRoom(width: number, yLabelWidth: number): number {
  return Math.max(1, width - yLabelWidth - 2);
}

/**
 * A vertical bar chart, time left to right, as plain text (readable without colour and in tmux
 * captures): bars in eighths of a row, the y-axis marked at the top, middle and zero, and the
 * x-axis labelled at regular steps that never overlap. Every line is exactly `width` wide.
 */
export function columnChart(columns: readonly ChartColumn[], options: ColumnChartOptions): string[] {
  const height = Math.max(1, options.height);
  const max = Math.max(0, ...columns.map((c) => c.value));
  const yTexts = [options.format(max), options.format(max / 2), options.format(0)];
  const yWidth = Math.max(...yTexts.map((t) => t.length));
  const room = columnRoom(options.width, yWidth);
  const shown = columns.slice(-room);
  const step = Math.max(1, Math.floor(room / Math.max(1, shown.length)));
  const barWidth = step >= 2 ? step - 1 : 1;
  const eighths = shown.map((c) => {
    if (max <= 0 || c.value <= 0) return 0;
    return Math.max(1, Math.round((c.value / max) * height * 8));
  });
  const lines: string[] = [];
  for (let row = 0; row < height; row++) {
    const level = (height - 1 - row) * 8;
    const bars = shown
      .map((_, i) => EIGHTHS[Math.min(8, Math.max(0, eighths[i]! - level))]!.repeat(barWidth).padEnd(step))
      .join('');
    const y = row === 0 ? yTexts[0]! : row === Math.floor(height / 2) && height >= 5 ? yTexts[1]! : '';
    lines.push(fit(`${y.padStart(yWidth)} ${row === 0 ? '┤' : '│'}${bars}`, options.width));
  }
  lines.push(fit(`${yTexts[2]!.padStart(yWidth)} └${'─'.repeat(Math.min(room, shown.length * step))}`, options.width));
  lines.push(
    fit(
      `${' '.repeat(yWidth + 2)}${xLabels(
        shown.map((c) => c.label),
        step,
        room,
      )}`,
      options.width,
    ),
  );
  return lines;
}

/** Labels under every k-th column, k chosen so that neighbours keep a space between them. */
function xLabels(labels: readonly string[], step: number, room: number): string {
  if (labels.length === 0) return '';
  const longest = Math.max(...labels.map((l) => [...l].length));
  const every = Math.max(1, Math.ceil((longest + 1) / step));
  let out = '';
  for (let i = 0; i < labels.length; i += every) {
    // A label that would run off the chart is left out rather than cut.
    if (i * step + [...labels[i]!].length > room) break;
    out = `${out.padEnd(i * step)}${labels[i]}`;
  }
  return out;
}
