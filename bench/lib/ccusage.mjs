import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CCUSAGE_VERSION = '20.0.24';
const PACKAGES = [`ccusage@${CCUSAGE_VERSION}`, `@ccusage/ccusage-linux-x64@${CCUSAGE_VERSION}`];

/**
 * Installs ccusage into bench/.tools (never into the workspace) and returns the native
 * binary: timing the Node launcher in front of it would charge ccusage a Node start-up it
 * does not need. 20.0.24 is the last version with a Linux binary on the registry.
 */
export function ensureCcusage(toolsDir) {
  const binary = join(toolsDir, 'node_modules', '@ccusage', 'ccusage-linux-x64', 'bin', 'ccusage');
  if (existsSync(binary)) return executable(binary);
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  mkdirSync(toolsDir, { recursive: true });
  if (!existsSync(join(toolsDir, 'package.json'))) {
    writeFileSync(join(toolsDir, 'package.json'), '{ "name": "rimuru-bench-tools", "private": true }\n');
  }
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', ...PACKAGES], {
    cwd: toolsDir,
    stdio: 'inherit',
  });
  return existsSync(binary) ? executable(binary) : null;
}

/** The package's tarball does not always keep the binary's execute bit. */
function executable(binary) {
  if ((statSync(binary).mode & 0o111) === 0) chmodSync(binary, 0o755);
  return binary;
}

/** ccusage's environment: every data root it knows pointed into the synthetic home. */
export function ccusageEnv(home) {
  return {
    PATH: process.env.PATH,
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    CODEX_HOME: join(home, '.codex'),
    XDG_CONFIG_HOME: join(home, '.config'),
    NO_COLOR: '1',
    TZ: 'UTC',
  };
}

/** Sum of totalTokens over ccusage's session rows: the same workload check as Rimuru's stats. */
export function ccusageTotalTokens(stdout) {
  const doc = JSON.parse(stdout);
  const rows = Array.isArray(doc) ? doc : (doc.sessions ?? doc.session ?? []);
  if (doc.totals && typeof doc.totals.totalTokens === 'number')
    return { sessions: rows.length, totalTokens: doc.totals.totalTokens };
  return { sessions: rows.length, totalTokens: rows.reduce((sum, r) => sum + (r.totalTokens ?? 0), 0) };
}
