import { parseTuiArgs, USAGE } from './cli-args.js';
import { startTui } from './start-tui.js';

/** The `rimuru-tui` binary: arguments → TUI → exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseTuiArgs(argv);
  if ('error' in parsed) {
    process.stderr.write(`Error: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write('Error: rimuru-tui needs an interactive terminal (use `rimuru sessions` in scripts)\n');
    return 1;
  }
  return startTui(parsed.options);
}
