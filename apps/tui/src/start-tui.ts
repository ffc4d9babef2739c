import { isRimuruError } from '@rimuru/core';
import { openTuiRuntime, type TuiOptions } from './tui-runtime.js';
import { runApp } from './ui/app.js';
import { paint } from './ui/tags.js';
import { openTerminal } from './ui/terminal.js';

export interface StartTuiOptions extends TuiOptions {
  /** The view to open on: 1 Dashboard (default), 2 Agents, 3 Sessions, 4 Costs. */
  view?: 'dashboard' | 'agents' | 'sessions' | 'costs';
}

function errorLine(error: unknown): string {
  if (isRimuruError(error))
    return `${error.message}${error.suggestions?.length ? `\n  ${error.suggestions.join('\n  ')}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the TUI until the user quits; returns the exit code. The store is opened before the
 * screen so a bad `--db` prints a plain error instead of a flash of UI. Any crash restores the
 * terminal before the error is printed (the TUI root's single error boundary).
 */
export async function startTui(options: StartTuiOptions = {}): Promise<number> {
  let runtime;
  try {
    runtime = await openTuiRuntime(options);
  } catch (error) {
    process.stderr.write(`Error: ${errorLine(error)}\n`);
    return 1;
  }
  const terminal = openTerminal(process.env);
  const crash = (error: unknown): void => {
    terminal.restore();
    process.stderr.write(`Error: ${errorLine(error)}\n`);
    if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  const stopOnSignal = (): void => {
    terminal.restore();
    process.exit(130);
  };
  process.once('SIGTERM', stopOnSignal);
  process.once('SIGHUP', stopOnSignal);
  try {
    await runApp(runtime, terminal.screen, paint(terminal.colors), options.view ?? 'dashboard');
    return 0;
  } catch (error) {
    terminal.restore();
    process.stderr.write(`Error: ${errorLine(error)}\n`);
    return 1;
  } finally {
    terminal.restore();
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
    await runtime.store.close();
  }
}
