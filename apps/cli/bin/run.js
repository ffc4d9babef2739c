#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { arch, homedir, platform, release } from 'node:os';
import { join } from 'node:path';

/**
 * `rimuru --version` is answered before oclif loads (even bundled, it costs tens of ms):
 * the same line oclif prints (`config.userAgent`). Anything unusual — another argument, a
 * WSL kernel, where oclif names the platform `wsl` — goes through oclif as before.
 */
function fastVersion(argv) {
  if (argv.length !== 1 || argv[0] !== '--version') return null;
  if (platform() === 'linux' && release().toLowerCase().includes('microsoft')) return null;
  const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const cpu = arch() === 'ia32' ? 'x86' : arch();
  return `${pjson.name}/${pjson.version} ${platform()}-${cpu} node-${process.version}`;
}

/** oclif's data dir (Config.dataDir): RIMURU_DATA_DIR, else $XDG_DATA_HOME, %LOCALAPPDATA% or ~/.local/share, + /rimuru. */
function userPluginsReadable() {
  const env = process.env;
  const home = env.HOME || (platform() === 'win32' && (env.USERPROFILE || '')) || homedir();
  const dataDir =
    env.RIMURU_DATA_DIR ||
    join(env.XDG_DATA_HOME || (platform() === 'win32' && env.LOCALAPPDATA) || join(home, '.local/share'), 'rimuru');
  try {
    JSON.parse(readFileSync(join(dataDir, 'package.json'), 'utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * `rimuru statusline` runs on every update of a Claude Code conversation: its lean entry answers
 * without loading oclif when every argument is its own; it returns false for anything else
 * (--help, a bad value), which oclif then handles as usual.
 */
async function fastStatusline(argv) {
  if (argv[0] !== 'statusline') return false;
  const { runStatuslineMain } = await import('../dist/statusline.js');
  return runStatuslineMain(argv.slice(1));
}

const version = fastVersion(process.argv.slice(2));
if (version === null && (await fastStatusline(process.argv.slice(2)))) {
  // Answered by the statusline's own entry.
} else if (version === null) {
  // dist/main.js is the esbuild bundle of src/main.ts (oclif included): see scripts/bundle.mjs.
  // oclif checks the Node version against its own package.json when it loads; bundled, it
  // cannot find that file, so the check only costs semver's import: skip it for that import.
  const engineWarning = process.env.OCLIF_DISABLE_ENGINE_WARNING;
  process.env.OCLIF_DISABLE_ENGINE_WARNING = '1';
  const { run } = await import('../dist/main.js');
  if (engineWarning === undefined) delete process.env.OCLIF_DISABLE_ENGINE_WARNING;
  else process.env.OCLIF_DISABLE_ENGINE_WARNING = engineWarning;
  // User plugins (`rimuru plugins install|link`, e.g. third-party adapters) live in
  // <data dir>/package.json. Load them only when that file is readable: otherwise oclif prints
  // a stray warning when the data dir is unusable, before our one-line error.
  const { fileURLToPath } = await import('node:url');
  await run(fileURLToPath(new URL('..', import.meta.url)), userPluginsReadable());
} else {
  process.stdout.write(`${version}\n`);
}
