import { median } from '../lib/measure.mjs';
import { rimuru } from './cli.mjs';

/**
 * The team view's reads, each with `--db <server> --no-sync` (a dashboard reads the server;
 * it has no agent data of its own to sync): the list, then the same filtered to one
 * machine with `--host`. `since` is the local date 30 days ago.
 */
export function teamReads({ sessionId, host, since }) {
  const reads = [
    ['sessions', ['sessions']],
    ['sessions stats --range 30d', ['sessions', 'stats', '--range', '30d']],
    ['sessions stats --range all', ['sessions', 'stats', '--range', 'all']],
    ['costs summary --range 30d', ['costs', 'summary', '--range', '30d']],
    ['report daily --since <30d> --by agent', ['report', 'daily', '--since', since, '--by', 'agent']],
    ['sessions show <id>', ['sessions', 'show', sessionId]],
  ];
  const withHost = reads
    .filter(([name]) => name !== 'sessions show <id>')
    .map(([name, args]) => [`${name} --host`, [...args, '--host', host]]);
  return [...reads, ...withHost];
}

/** Runs each read once untimed (warm caches, as a dashboard's server has), then `runs` timed runs: wall-time medians of the CLI. */
export async function timeReads(reads, { url, env, runs, log }) {
  const results = [];
  for (const [name, args] of reads) {
    const argv = [...args, '--db', url, '--no-sync'];
    await rimuru(argv, env);
    const samples = [];
    let rss = 0;
    for (let i = 0; i < runs; i += 1) {
      const run = await rimuru(argv, env);
      samples.push(run.wallMs);
      rss = Math.max(rss, run.rssMb ?? 0);
    }
    const result = {
      name,
      args: argv.slice(0, -3),
      medianMs: Math.round(median(samples)),
      minMs: Math.round(Math.min(...samples)),
      maxRssMb: Math.round(rss),
    };
    log(`read ${name}: ${result.medianMs} ms`);
    results.push(result);
  }
  return results;
}
