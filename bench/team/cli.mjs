import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOnce } from '../lib/measure.mjs';

export const repoDir = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repoDir, 'apps', 'cli', 'bin', 'run.js');

/**
 * The environment of one simulated machine: its own home (agent data, when it has any), config
 * and data folders, and its host name (RIMURU_HOST), in UTC without colour.
 */
export function machineEnv(work, host, home = join(work, 'empty-home')) {
  const config = join(work, 'config');
  mkdirSync(config, { recursive: true });
  mkdirSync(home, { recursive: true });
  return {
    PATH: process.env.PATH,
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    CODEX_HOME: join(home, '.codex'),
    XDG_CONFIG_HOME: config,
    XDG_DATA_HOME: join(work, 'data', host),
    RIMURU_HOST: host,
    NO_COLOR: '1',
    TZ: 'UTC',
  };
}

/** Runs the built CLI once; resolves to { wallMs, rssMb, stdout, stderr }, throws on a non-zero exit. */
export function rimuru(args, env) {
  return runOnce(process.execPath, [cli, ...args], { env, cwd: repoDir });
}

/** Runs the built CLI with `--format json` appended and parses its stdout. */
export async function rimuruJson(args, env) {
  const run = await rimuru([...args, '--format', 'json'], env);
  return { ...run, json: JSON.parse(run.stdout) };
}
