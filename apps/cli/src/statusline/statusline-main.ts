import { parseArgs } from 'node:util';
import { COST_MODES, type CostMode } from '@rimuru/core';
import { createAdapterContext } from '@rimuru/sync';
import { DEFAULT_STATUSLINE_TIMEOUT_MS, runStatusline, type StatuslineOptions } from './statusline-run.js';

/**
 * The statusline's lean entry (bundled to dist/statusline.js): Claude Code runs `rimuru
 * statusline` on every update of the conversation, and loading oclif, its manifest and its
 * plugins would be most of each run. bin/run.js comes here first; only arguments that are all
 * the command's own, with valid values, are answered here; anything else (--help, a typo, a bad
 * value) returns false and goes through oclif, which explains it the usual way.
 */
export function statuslineOptionsOf(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): StatuslineOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      allowNegative: true,
      options: {
        format: { type: 'string' },
        timeout: { type: 'string' },
        db: { type: 'string' },
        timezone: { type: 'string' },
        'cost-mode': { type: 'string' },
        verbose: { type: 'boolean' },
        color: { type: 'boolean' },
      },
    }));
  } catch {
    return null;
  }
  const format = values.format ?? 'line';
  const costMode = values['cost-mode'] ?? 'auto';
  const timeout = values.timeout === undefined ? DEFAULT_STATUSLINE_TIMEOUT_MS : Number(values.timeout);
  if (format !== 'line' && format !== 'json') return null;
  if (!(COST_MODES as readonly string[]).includes(costMode)) return null;
  if (!/^\d+$/.test(values.timeout ?? '1') || !Number.isSafeInteger(timeout) || timeout < 1) return null;
  return {
    format,
    timeoutMs: timeout,
    db: values.db,
    timezone: values.timezone,
    costMode: costMode as CostMode,
    color: values.color !== false && !env.NO_COLOR,
    verbose: values.verbose === true,
  };
}

/** Answers `rimuru statusline <argv>` without oclif; false when oclif should run it instead. */
export async function runStatuslineMain(argv: readonly string[]): Promise<boolean> {
  const options = statuslineOptionsOf(argv, process.env);
  if (options === null) return false;
  const { env, homeDir } = createAdapterContext();
  const { abandoned } = await runStatusline(options, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env,
    homeDir,
  });
  // Work still under way past the deadline is not waited for (see runStatusline).
  if (abandoned) process.exit(0);
  return true;
}
