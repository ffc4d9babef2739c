import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/**
 * Runs one command to completion and returns its wall time (measured here, around the
 * child) and peak RSS (GNU time's %M, the maximum resident set of the child; without
 * GNU time, null). stdout is captured for sanity checks; a non-zero exit throws.
 */
export async function runOnce(command, args, { env, cwd }) {
  const scratch = await mkdtemp(join(tmpdir(), 'rimuru-bench-'));
  const rssFile = join(scratch, 'rss');
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const { code, stdout, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (c) =>
      resolve({ code: c, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  let rssMb = null;
  if (useTime) {
    const kb = Number.parseInt((await readFile(rssFile, 'utf8')).trim().split('\n').pop() ?? '', 10);
    rssMb = Number.isFinite(kb) ? kb / 1024 : null;
  }
  await rm(scratch, { recursive: true, force: true });
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr.slice(-2000)}`);
  return { wallMs, rssMb, stdout, stderr };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `runs` times (with `before` before each, untimed) and keeps the median wall time and
 * the median and max peak RSS. `last` holds the final run's output.
 */
export async function measure(name, runs, command, args, options, before) {
  const samples = [];
  let last = null;
  for (let i = 0; i < runs; i += 1) {
    if (before) await before(i);
    last = await runOnce(command, args, options);
    samples.push(last);
  }
  const rss = samples.map((s) => s.rssMb).filter((v) => v !== null);
  return {
    name,
    runs,
    medianMs: median(samples.map((s) => s.wallMs)),
    minMs: Math.min(...samples.map((s) => s.wallMs)),
    maxMs: Math.max(...samples.map((s) => s.wallMs)),
    medianRssMb: rss.length > 0 ? median(rss) : null,
    maxRssMb: rss.length > 0 ? Math.max(...rss) : null,
    samplesMs: samples.map((s) => Math.round(s.wallMs * 10) / 10),
    last,
  };
}
