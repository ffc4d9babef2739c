import blessed from 'blessed';
import { probeColors, terminalProfile } from './terminal-colors.js';

export interface Terminal {
  screen: blessed.Widgets.Screen;
  /** Colours the screen draws with; 0 when colour is off (NO_COLOR). */
  colors: number;
  /** Leaves the alternate screen and restores the cursor and input modes; safe to call twice. */
  restore(): void;
}

/**
 * The blessed screen, with terminal etiquette: NO_COLOR (any value) turns colour off, a TERM of
 * 256 colours gets them (see terminalProfile), and the terminal is restored on exit, on a signal
 * and on a crash.
 */
export function openTerminal(env: Readonly<Record<string, string | undefined>>): Terminal {
  const color = env.NO_COLOR === undefined || env.NO_COLOR === '';
  const profile = terminalProfile(env.TERM, probeColors(env));
  const screen = blessed.screen({
    ...(profile.terminal ? { terminal: profile.terminal } : {}),
    smartCSR: true,
    fullUnicode: true,
    autoPadding: false,
    warnings: false,
    title: 'rimuru',
    ...(color ? {} : { forceUnicode: true }),
  });
  // In a UTF-8 locale, box lines are drawn as Unicode, not through the terminal's alternate
  // character set: xterm-256color's ESC ( 0 is kept by tmux as a cell attribute that captures
  // and some multiplexed views show as letters ("lqqk").
  const tput = screen.tput as unknown as { unicode?: boolean; brokenACS?: boolean };
  if (tput.unicode) tput.brokenACS = true;
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    try {
      screen.destroy();
    } catch {
      // Already torn down: nothing left to restore.
    }
    // blessed leaves the cursor hidden when the program hid it before entering the alternate
    // screen: show it explicitly so the shell gets its cursor back.
    if (process.stdout.isTTY) process.stdout.write('\x1b[?25h');
  };
  process.once('exit', restore);
  return { screen, colors: color ? profile.colors : 0, restore };
}
