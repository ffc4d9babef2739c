/** Tables never lay out narrower than this, however small the terminal says it is. */
const MIN_TABLE_WIDTH = 80;

export interface WidthSource {
  isTTY?: boolean;
  columns?: number;
}

/**
 * The columns a table may use. On a terminal: its width (`COLUMNS` overrides it), at least 80.
 * Piped or redirected output keeps the full table (unlimited), as does `--wide`;
 * RIMURU_FORCE_TTY=1 lays tables out as on a terminal (for `watch`, tests and screenshots).
 */
export function tableWidth(options: { wide?: boolean; stream?: WidthSource; env?: NodeJS.ProcessEnv } = {}): number {
  if (options.wide) return Number.POSITIVE_INFINITY;
  const stream = options.stream ?? process.stdout;
  const env = options.env ?? process.env;
  const terminal = stream.isTTY === true || env.RIMURU_FORCE_TTY === '1';
  if (!terminal) return Number.POSITIVE_INFINITY;
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  const columns = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : (stream.columns ?? MIN_TABLE_WIDTH);
  return Math.max(MIN_TABLE_WIDTH, columns);
}
