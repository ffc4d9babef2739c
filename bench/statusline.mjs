#!/usr/bin/env node
// `node bench/statusline.mjs [--scale small|medium|large|xl] [--runs N] [--home-dir DIR]` (build first)
// Times `rimuru statusline` the way Claude Code runs it (payload on stdin) on a store imported
// from a bench home (bench/lib/home.mjs), against `node -e 0`: the statusline's budget is 3× that.
// Rounds are interleaved (one run of each command per round), so a machine that slows down
// mid-run slows every command alike. Measured:
// - `node -e 0`, `rimuru --version`;
// - `rimuru statusline`, nothing new in the transcript (bin/run.js's lean entry);
// - the same after one new request line (an ingest of a few hundred bytes, then the figures);
// - the same command through oclif (dist/main.js run directly), to show what the lean entry saves.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureHome } from './lib/home.mjs';
import { median } from './lib/measure.mjs';
import { SCALES } from './lib/scales.mjs';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    runs: { type: 'string', default: '15' },
    'home-dir': { type: 'string' },
  },
});
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const cliDir = join(benchDir, '..', 'apps', 'cli');
const cli = join(cliDir, 'bin', 'run.js');
if (!existsSync(join(cliDir, 'dist', 'statusline.js'))) throw new Error('build first: pnpm run build');
const scale = SCALES[opts.scale];
if (!scale) throw new Error(`unknown scale ${opts.scale}`);
const runs = Number(opts.runs);

const home = join(opts['home-dir'] ?? join(benchDir, '.homes'), opts.scale);
process.stderr.write(`statusline bench: preparing ${opts.scale} home in ${home}\n`);
await ensureHome(home, opts.scale, scale);
const work = join(benchDir, '.homes', `${opts.scale}-statusline`);
await mkdir(join(work, 'config'), { recursive: true });
const env = {
  PATH: process.env.PATH,
  HOME: home,
  CLAUDE_CONFIG_DIR: join(home, '.claude'),
  CODEX_HOME: join(home, '.codex'),
  XDG_CONFIG_HOME: join(work, 'config'),
  XDG_DATA_HOME: join(work, 'data'),
  XDG_CACHE_HOME: join(work, 'cache'),
  NO_COLOR: '1',
  TZ: 'UTC',
};

function run(argv, stdin) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, argv, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${argv.join(' ')} exited ${code}: ${err.slice(-500)}`));
      else resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, out });
    });
    child.stdin.end(stdin ?? '');
  });
}

if (!existsSync(join(work, 'data', 'rimuru', 'rimuru.db'))) {
  process.stderr.write('statusline bench: importing the home (rimuru sync)\n');
  const { ms } = await run([cli, 'sync', '--format', 'json']);
  process.stderr.write(`statusline bench: imported in ${(ms / 1000).toFixed(1)} s\n`);
}

// A live session: a transcript of the home's own layout, written now, so today and the block
// have figures. Every round appends one request to it for the "grown" case.
const sessionId = '5e55a000-0000-4000-8000-000000000001';
const cwd = '/home/dev/live';
const transcript = join(home, '.claude', 'projects', '-home-dev-live', `${sessionId}.jsonl`);
await mkdir(join(home, '.claude', 'projects', '-home-dev-live'), { recursive: true });
let requests = 0;
async function addRequest() {
  requests += 1;
  const id = `${process.pid}_${Date.now()}_${requests}`;
  const line = {
    type: 'assistant',
    sessionId,
    cwd,
    version: '2.1.40',
    uuid: `u-${id}`,
    timestamp: new Date().toISOString(),
    requestId: `req_${id}`,
    message: {
      id: `msg_${id}`,
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [{ type: 'text', text: 'ok' }],
      usage: {
        input_tokens: 12,
        output_tokens: 340,
        cache_read_input_tokens: 40_000,
        cache_creation_input_tokens: 900,
      },
    },
  };
  await appendFile(transcript, `${JSON.stringify(line)}\n`);
}
if (!existsSync(transcript)) await writeFile(transcript, '');
await addRequest();
const payload = JSON.stringify({
  session_id: sessionId,
  transcript_path: transcript,
  cwd,
  model: { id: 'claude-sonnet-4-5-20250929', display_name: 'Sonnet 4.5' },
  workspace: { current_dir: cwd, project_dir: cwd },
});
const viaOclif = join(work, 'statusline-via-oclif.mjs');
await writeFile(
  viaOclif,
  `process.env.OCLIF_DISABLE_ENGINE_WARNING = '1';\nconst { run } = await import(${JSON.stringify(new URL(`file://${join(cliDir, 'dist', 'main.js')}`).href)});\nawait run(${JSON.stringify(cliDir)}, false);\n`,
);
// Warm the page cache and the store (the first call ingests the live transcript).
const first = await run([cli, 'statusline', '--format', 'json'], payload);
const answer = JSON.parse(first.out);
if (answer.stale || answer.session === null) throw new Error(`unexpected first answer: ${first.out}`);
process.stderr.write(`statusline bench: ${answer.line}\n`);

const commands = [
  { name: 'node -e 0', argv: ['-e', '0'] },
  { name: 'rimuru --version', argv: [cli, '--version'] },
  { name: 'rimuru statusline (nothing new)', argv: [cli, 'statusline'], stdin: payload },
  { name: 'rimuru statusline (one new request)', argv: [cli, 'statusline'], stdin: payload, before: addRequest },
  { name: 'statusline through oclif (nothing new)', argv: [viaOclif, 'statusline'], stdin: payload },
];
const samples = new Map(commands.map((c) => [c.name, []]));
for (let round = 0; round < runs; round += 1) {
  for (const c of commands) {
    if (c.before) await c.before();
    const { ms, out } = await run(c.argv, c.stdin);
    if (c.stdin !== undefined && !out.startsWith('Sonnet 4.5 | session '))
      throw new Error(`${c.name}: unexpected line ${out}`);
    samples.get(c.name).push(ms);
  }
}
const floor = median(samples.get('node -e 0'));
process.stdout.write(
  `\n${opts.scale} home, ${runs} interleaved rounds (ms)\n\n| command | median | min | max | ÷ node -e 0 |\n|---|---:|---:|---:|---:|\n`,
);
for (const c of commands) {
  const s = samples.get(c.name);
  const m = median(s);
  process.stdout.write(
    `| ${c.name} | ${m.toFixed(0)} | ${Math.min(...s).toFixed(0)} | ${Math.max(...s).toFixed(0)} | ${(m / floor).toFixed(2)} |\n`,
  );
}
