import blessed from 'blessed';

export interface Terminal {
  screen: blessed.Widgets.Screen;
  color: boolean;
  /** Leaves the alternate screen and restores the cursor and input modes; safe to call twice. */
  restore(): void;
}

/**
 * The blessed screen, with terminal etiquette: NO_COLOR (any value) turns colour off, and the
 * terminal is restored on exit, on a signal and on a crash.
 */
export function openTerminal(env: Readonly<Record<string, string | undefined>>): Terminal {
  const color = env.NO_COLOR === undefined || env.NO_COLOR === '';
  const screen = blessed.screen({
    smartCSR: true,
    fullUnicode: true,
    autoPadding: false,
    warnings: false,
    title: 'rimuru',
    ...(color ? {} : { forceUnicode: true }),
  });
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
  return { screen, color, restore };
}
