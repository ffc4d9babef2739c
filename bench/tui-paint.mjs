#!/usr/bin/env node
// `pnpm bench:tui [--runs N] [--home-dir DIR]`: the TUI's first paint on a store of ~50k
// sessions (the data-path issue's target: ≤ 500 ms). Builds a home of many short Claude Code
// and Codex sessions with the project's generators, imports it with the built CLI, then opens
// `rimuru-tui --no-sync` in tmux on the sessions view and on the dashboard and times each
// until its data is on screen. Prints medians and writes bench/results/<ts>-tui.json.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureHome } from './lib/home.mjs';
import { runOnce } from './lib/measure.mjs';
import { hasTmux, timeFirstPaint } from './lib/tmux-screen.mjs';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = join(benchDir, '..');
const { values: opts } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, 'home-dir': { type: 'string' } },
});
const runs = Number(opts.runs);
const cli = join(repoDir, 'apps', 'cli', 'bin', 'run.js');
const tui = join(repoDir, 'apps', 'tui', 'bin', 'rimuru-tui.js');
if (!existsSync(join(repoDir, 'apps', 'cli', 'dist', 'commands'))) throw new Error('build first: pnpm run build');
if (!hasTmux()) throw new Error('bench:tui needs tmux');

// 25k + 25k two-request sessions; Claude's subagents and Codex's spawned threads add a few more.
const scale = {
  claude: { sessions: 25_000, requestsPerSession: 2, padBytes: 0 },
  codex: { sessions: 25_000, requestsPerSession: 2 },
};
const home = join(opts['home-dir'] ?? join(benchDir, '.homes'), 'tui50k');
process.stderr.write(`bench:tui: preparing home in ${home}\n`);
const info = await ensureHome(home, 'tui50k', scale);

const work = join(benchDir, '.homes', 'tui50k-work');
await rm(work, { recursive: true, force: true });
await mkdir(join(work, 'config'), { recursive: true });
const env = {
  PATH: process.env.PATH,
  HOME: home,
  CLAUDE_CONFIG_DIR: join(home, '.claude'),
  CODEX_HOME: join(home, '.codex'),
  XDG_CONFIG_HOME: join(work, 'config'),
  XDG_DATA_HOME: join(work, 'data'),
  TZ: 'UTC',
  TERM: 'xterm-256color',
  LANG: 'C.UTF-8',
};
process.stderr.write('bench:tui: importing\n');
await runOnce(process.execPath, [cli, 'sync', '--format', 'json'], { env, cwd: repoDir });
const stats = JSON.parse(
  (
    await runOnce(process.execPath, [cli, 'sessions', 'stats', '--range', 'all', '--format', 'json', '--no-sync'], {
      env,
      cwd: repoDir,
    })
  ).stdout,
);
const sessions = stats.totalSessions;
process.stderr.write(`bench:tui: ${sessions} sessions in the store\n`);

// The paint is there when the view shows the store's session count ("1/50,012 rows", "of 50012 sessions").
const counts = [String(sessions), sessions.toLocaleString('en-US')];
const showsCount = (screen) => counts.some((c) => screen.includes(c));
const views = [
  ['sessions view', ['--view', 'sessions']],
  ['dashboard', ['--view', 'dashboard']],
];
const results = [];
for (const [name, args] of views) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { ms } = await timeFirstPaint([process.execPath, tui, '--no-sync', ...args], env, showsCount);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  results.push({
    name,
    runs,
    medianMs: Math.round(median),
    minMs: Math.round(times[0]),
    maxMs: Math.round(times.at(-1)),
  });
  process.stdout.write(
    `${name.padEnd(16)} first paint median ${Math.round(median)} ms (min ${Math.round(times[0])}, max ${Math.round(times.at(-1))}) on ${sessions} sessions\n`,
  );
}
const node = [];
for (let i = 0; i < runs; i++)
  node.push(
    (
      await timeFirstPaint([process.execPath, '-e', 'console.log("ready"); setTimeout(() => {}, 60000)'], env, (s) =>
        s.includes('ready'),
      )
    ).ms,
  );
node.sort((a, b) => a - b);
process.stdout.write(
  `baseline (node printing one line in the same tmux harness) median ${Math.round(node[Math.floor(node.length / 2)])} ms\n`,
);
const report = {
  at: new Date().toISOString(),
  sessions,
  home: info,
  baselineMs: Math.round(node[Math.floor(node.length / 2)]),
  results,
};
await mkdir(join(benchDir, 'results'), { recursive: true });
const file = join(benchDir, 'results', `${report.at.replace(/[:.]/g, '-')}-tui.json`);
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
process.stderr.write(`bench:tui: wrote ${file}\n`);
