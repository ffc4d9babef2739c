#!/usr/bin/env node
// `pnpm bench [--scale small|medium|large|xl] [--runs N] [--home-dir DIR] [--skip-ccusage]`
// Builds a synthetic Claude Code + Codex home with the project's own generators, times the
// built `rimuru` CLI and ccusage on it, prints a table and writes bench/results/<ts>.json.
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ccusageEnv, ccusageTotalTokens, CCUSAGE_VERSION, ensureCcusage } from './lib/ccusage.mjs';
import { appendClaudeLines, ensureHome, restoreAppendTarget } from './lib/home.mjs';
import { measure, runOnce } from './lib/measure.mjs';
import { READ_COMMANDS } from './lib/read-commands.mjs';
import { printTable, targetsOf } from './lib/report.mjs';
import { SCALES } from './lib/scales.mjs';

/** Lines of a file, streamed: an xl export is larger than one string may be. */
async function countLines(path) {
  let lines = 0;
  for await (const chunk of createReadStream(path)) for (const byte of chunk) if (byte === 0x0a) lines += 1;
  return lines;
}
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = join(benchDir, '..');
const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    runs: { type: 'string' },
    'cold-runs': { type: 'string' },
    'home-dir': { type: 'string' },
    'skip-ccusage': { type: 'boolean', default: false },
  },
});
const scale = SCALES[opts.scale];
if (!scale) throw new Error(`unknown scale ${opts.scale}; use ${Object.keys(SCALES).join(', ')}`);
const runs = Number(opts.runs ?? scale.runs);
const coldRuns = Number(opts['cold-runs'] ?? opts.runs ?? scale.coldRuns);
const cli = join(repoDir, 'apps', 'cli', 'bin', 'run.js');
if (!existsSync(join(repoDir, 'apps', 'cli', 'dist', 'commands'))) throw new Error('build first: pnpm run build');

const home = join(opts['home-dir'] ?? join(benchDir, '.homes'), opts.scale);
process.stderr.write(`bench: preparing ${opts.scale} home in ${home}\n`);
const info = await ensureHome(home, opts.scale, scale);
process.stderr.write(
  `bench: home ${(info.totalBytes / 2 ** 20).toFixed(0)} MiB (${info.claude.files} Claude Code + ${info.codex.files} Codex files)\n`,
);

const work = join(benchDir, '.homes', `${opts.scale}-work`);
await rm(work, { recursive: true, force: true });
const storeDir = join(work, 'data');
const configDir = join(work, 'config');
await mkdir(configDir, { recursive: true });
const rimuruEnv = {
  PATH: process.env.PATH,
  HOME: home,
  CLAUDE_CONFIG_DIR: join(home, '.claude'),
  CODEX_HOME: join(home, '.codex'),
  XDG_CONFIG_HOME: configDir,
  XDG_DATA_HOME: storeDir,
  NO_COLOR: '1',
  TZ: 'UTC',
};
const run = { env: rimuruEnv, cwd: repoDir };
const node = process.execPath;
const rimuru = (...args) => [node, [cli, ...args]];
const results = [];
const step = async (name, n, [cmd, args], options, before) => {
  process.stderr.write(`bench: ${name} ×${n}\n`);
  const r = await measure(name, n, cmd, args, options, before);
  results.push(r);
  return r;
};

await step('node -e 0', runs, [node, ['-e', '0']], run);
await step('rimuru --version', runs, rimuru('--version'), run);
const cold = await step('cold import: rimuru sync', coldRuns, rimuru('sync', '--format', 'json'), run, () =>
  rm(storeDir, { recursive: true, force: true }),
);
const syncSummary = JSON.parse(cold.last.stdout);
await step('rimuru sessions --no-sync', runs, rimuru('sessions', '--no-sync'), run);
await step('rimuru sessions', runs, rimuru('sessions'), run);
const statsNoSync = await step(
  'stats --range all --format json --no-sync',
  runs,
  rimuru('sessions', 'stats', '--range', 'all', '--format', 'json', '--no-sync'),
  run,
);
await step(
  'stats --range all --format json',
  runs,
  rimuru('sessions', 'stats', '--range', 'all', '--format', 'json'),
  run,
);
await step('rimuru sessions history', runs, rimuru('sessions', 'history'), run);
// Every other read command on the same store, without the sync check: each should cost about
// what the stats read costs (targets below).
const firstSession = JSON.parse(
  (await runOnce(node, [cli, 'sessions', '--no-sync', '--format', 'json', '--limit', '1'], run)).stdout,
)[0];
for (const [name, args] of READ_COMMANDS(firstSession.id)) await step(name, runs, rimuru(...args, '--no-sync'), run);
const exportFile = join(work, 'usage.ndjson');
await step(
  'export usage --format ndjson --range all',
  runs,
  rimuru('export', 'usage', '--format', 'ndjson', '--range', 'all', '--no-sync', '--output', exportFile),
  run,
);
const storeExport = join(work, 'store-export.ndjson');
await runOnce(node, [cli, 'db', 'export', storeExport], run);
const importEnv = { ...rimuruEnv, XDG_DATA_HOME: join(work, 'import-data') };
await step(
  'db import (into an empty store)',
  runs,
  rimuru('db', 'import', storeExport),
  { env: importEnv, cwd: repoDir },
  () => rm(importEnv.XDG_DATA_HOME, { recursive: true, force: true }),
);
let appended = 0;
try {
  await step('incremental sync after +1 MiB', runs, rimuru('sync', '--format', 'json'), run, async (i) => {
    appended = await appendClaudeLines(info, i, 1024 * 1024);
  });
} finally {
  await restoreAppendTarget(info);
}
const rimuruStats = JSON.parse(statsNoSync.last.stdout);

let ccusage = null;
let ccusageCheck = null;
if (!opts['skip-ccusage']) {
  const binary = ensureCcusage(join(benchDir, '.tools'));
  if (binary === null) process.stderr.write('bench: ccusage has no binary for this platform; skipped\n');
  else {
    ccusage = await step(
      `ccusage ${CCUSAGE_VERSION} session --json --offline`,
      runs,
      [binary, ['session', '--json', '--offline']],
      { env: ccusageEnv(home), cwd: home },
    );
    ccusageCheck = ccusageTotalTokens(ccusage.last.stdout);
  }
}

const report = {
  at: new Date().toISOString(),
  scale: opts.scale,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryMiB: Math.round(totalmem() / 2 ** 20),
    node: process.version,
  },
  home: info,
  appendedBytes: appended,
  usageRecords: await countLines(exportFile),
  syncSummary: { ...syncSummary, diagnosticSamples: undefined },
  workload: {
    rimuru: { sessions: rimuruStats.totalSessions, totalTokens: rimuruStats.totalTokens },
    ccusage: ccusageCheck,
  },
  results: results.map(({ last: _last, ...r }) => r),
};
report.targets = targetsOf(report.results, ccusage?.name ?? null, {
  usageRecords: report.usageRecords,
  scale: opts.scale,
  sourceFiles: info.claude.files + info.codex.files,
});
printTable(report);
const resultsDir = join(benchDir, 'results');
await mkdir(resultsDir, { recursive: true });
const file = join(resultsDir, `${report.at.replace(/[:.]/g, '-')}-${opts.scale}.json`);
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
process.stderr.write(`bench: wrote ${file}\n`);
