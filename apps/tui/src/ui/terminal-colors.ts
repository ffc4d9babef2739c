import blessed from 'blessed';

type Env = Readonly<Record<string, string | undefined>>;

/** What blessed is told about the terminal: which terminfo to use, and how many colours it has. */
export interface TerminalProfile {
  /** A terminfo name for blessed instead of $TERM; undefined keeps $TERM. */
  terminal: string | undefined;
  colors: number;
}

/**
 * blessed cannot parse terminfo compiled in ncurses' extended-number format (tmux-256color,
 * screen-256color on current distributions) and falls back to plain xterm with 8 colours, where
 * grey becomes black. A $TERM that names 256 colours but reads as fewer is given blessed's own
 * xterm-256color entry: the same xterm capabilities the fallback used, with the colours $TERM says.
 */
export function terminalProfile(term: string | undefined, probedColors: number): TerminalProfile {
  if (term !== undefined && /-256colou?r/.test(term) && probedColors < 256)
    return { terminal: 'xterm-256color', colors: 256 };
  return { terminal: undefined, colors: probedColors };
}

/** How many colours blessed reads for $TERM (it never throws: a missing entry reads as xterm). */
export function probeColors(env: Env): number {
  const Tput = (blessed as unknown as { tput: new (options: { terminal: string }) => { colors?: number } }).tput;
  try {
    return new Tput({ terminal: env.TERM ?? 'xterm' }).colors ?? 8;
  } catch {
    return 8;
  }
}
