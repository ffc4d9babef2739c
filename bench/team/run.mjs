#!/usr/bin/env node
// `pnpm bench:team [--machines N] [--months M] [--json FILE] [--runs R] [--jobs J] [--keep] [--no-plans]`
// Fills a PostgreSQL team server with N machines × M months of generated history through
// `rimuru push`, times pushes (one machine's new month, first pushes of a year, up to ten at
// once) and the team view's `--db` reads, and saves the reads' EXPLAIN ANALYZE plans.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from '../lib/measure.mjs';
import { machineEnv, repoDir, rimuru, rimuruJson } from './cli.mjs';
import { MONTH_MS } from './machine-history.mjs';
import { ensureMachineStores, hostOf } from './machines.mjs';
import { capturePlans, plansText } from './plans.mjs';
import { openBenchDatabase, withClient } from './postgres.mjs';
import { push, pushNewMonth, pushTogether } from './pushes.mjs';
import { teamReads, timeReads } from './reads.mjs';
import { printTeamTable, teamTargets } from './report.mjs';
import { ensureTemplate } from './template.mjs';
import { compareCounts, localCounts, serverCounts, serverSizes } from './verify.mjs';

const { values: opts } = parseArgs({
  options: {
    machines: { type: 'string', default: '50' },
    months: { type: 'string', default: '12' },
    json: { type: 'string' },
    runs: { type: 'string', default: '5' },
    jobs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    'no-plans': { type: 'boolean', default: false },
  },
});
const int = (name, min) => {
  const value = Number(opts[name]);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return value;
};
const machines = int('machines', 3);
const months = int('months', 2);
const runs = int('runs', 1);
const jobs = int('jobs', 1);
if (!existsSync(join(repoDir, 'apps', 'cli', 'dist', 'commands'))) throw new Error('build first: pnpm run build');

const started = Date.now();
const log = (message) =>
  process.stderr.write(`bench:team [${Math.round((Date.now() - started) / 1000)} s] ${message}\n`);
const benchDir = join(repoDir, 'bench');
const cacheDir = join(benchDir, '.team');
const work = join(cacheDir, 'work');
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
const today = new Date();
const anchor = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());

log('template month (generated agent files → rimuru sync → rimuru db export)');
const template = await ensureTemplate(join(cacheDir, 'template'));
log(`machine stores (${machines} × ${months} months, rimuru db import)`);
const stores = await ensureMachineStores({ cacheDir, template, anchor, machines, months, jobs, log });

// Machine 0 pushes last (its newest month after everyone else's history); the last `together`
// machines push at once; the rest fill the server one after another.
const together = Math.min(10, machines - 2);
const sequential = stores.slice(1, machines - together);
const concurrent = stores.slice(machines - together);

const db = await openBenchDatabase({ keep: opts.keep });
log(`server ${db.url}${db.started ? ' (started here)' : ''}`);
try {
  const fill = [];
  for (const store of sequential) {
    const result = await push(store, { url: db.url, work, full: true });
    fill.push(result);
    log(`push ${store.host}: ${result.usageRecords} records in ${result.pushMs} ms (${result.recordsPerSec}/s)`);
  }
  const before = await serverCounts(db.url);
  const t0 = Date.now();
  const results = await pushTogether(concurrent, { url: db.url, work });
  const togetherMs = Date.now() - t0;
  const after = await serverCounts(db.url);
  const errors = results.filter((r) => r.error !== undefined);
  const sum = (key) => results.reduce((n, r) => n + (r[key] ?? 0), 0);
  log(
    `${concurrent.length} pushes at once: ${sum('usageRecords')} records in ${togetherMs} ms, ${errors.length} errors`,
  );
  const machine0 = await pushNewMonth(stores[0], { url: db.url, work, anchor, months });
  log(
    `machine 0: new month ${machine0.newMonth.usageRecords} records in ${machine0.newMonth.pushMs} ms; nothing new: ${machine0.nothing.pushMs} ms`,
  );

  const expected = new Map(stores.slice(1).map((s) => [s.host, localCounts(s.path)]));
  expected.set(stores[0].host, machine0.localCounts);
  const server = await serverCounts(db.url);
  const mismatches = compareCounts(expected, server);
  const records = [...server.byHost.values()].reduce((n, c) => n + c.records, 0);
  const sessions = [...server.byHost.values()].reduce((n, c) => n + c.sessions, 0);
  log(`server: ${records} records, ${sessions} sessions; ${mismatches.length} count mismatches`);

  // A server that has run for a while has statistics of its tables (autovacuum keeps them);
  // one filled in minutes has not yet: the reads are timed on the former.
  const analyzed = Date.now();
  await withClient(db.url, (c) => c.query('VACUUM (ANALYZE)'));
  log(`VACUUM (ANALYZE) in ${Date.now() - analyzed} ms`);
  const readerEnv = machineEnv(work, 'dashboard');
  const sessionId = (await rimuruJson(['sessions', '--limit', '1', '--db', db.url, '--no-sync'], readerEnv)).json[0].id;
  const since = new Date(anchor - MONTH_MS).toISOString().slice(0, 10);
  const reads = teamReads({ sessionId, host: hostOf(1), since });
  const readResults = await timeReads(reads, { url: db.url, env: readerEnv, runs, log });
  // The floor: the same CLI with no history to read (start-up, connection, schema check).
  await rimuru(['sessions', '--db', db.emptyUrl, '--no-sync'], readerEnv);
  const floor = [];
  for (const [name, args] of [
    ['rimuru --version', ['--version']],
    ['sessions on an empty server', ['sessions', '--db', db.emptyUrl, '--no-sync']],
  ]) {
    const samples = [];
    for (let i = 0; i < runs; i += 1) samples.push((await rimuru(args, readerEnv)).wallMs);
    floor.push({
      name: `floor: ${name}`,
      medianMs: Math.round(median(samples)),
      minMs: Math.round(Math.min(...samples)),
      maxRssMb: null,
    });
  }
  const plans = opts['no-plans'] ? null : await capturePlans(reads, { db, env: readerEnv, log });
  // Server time of each read: the statements it sent, as auto_explain timed them (instrumented).
  for (const r of readResults)
    r.serverMs =
      plans?.[r.name] === undefined ? null : Math.round(plans[r.name].reduce((n, p) => n + p.durationMs, 0) * 10) / 10;

  const version = await withClient(db.url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version);
  const medianOf = (list) =>
    list.length === 0 ? null : [...list].sort((a, b) => a.recordsPerSec - b.recordsPerSec)[Math.floor(list.length / 2)];
  const report = {
    at: new Date().toISOString(),
    scale: { machines, months, together },
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryMiB: Math.round(totalmem() / 2 ** 20),
      node: process.version,
    },
    server: { version, started: db.started, tables: await serverSizes(db.url) },
    records,
    sessions,
    push: {
      recordsPerSec: machine0.newMonth.recordsPerSec,
      newMonth: machine0.newMonth,
      nothing: machine0.nothing,
      machine0First: machine0.first,
      sync: machine0.sync,
      firstYear: fill.at(-1) ?? null,
      fillMedian: medianOf(fill),
      fill,
      concurrent: {
        machines: concurrent.length,
        wallMs: togetherMs,
        errors,
        deadlocks: after.deadlocks - before.deadlocks,
        results,
        total: {
          usageRecords: sum('usageRecords'),
          pushMs: togetherMs,
          wallMs: togetherMs,
          recordsPerSec: Math.round(sum('usageRecords') / (togetherMs / 1000)),
        },
      },
    },
    verification: { mismatches },
    reads: readResults,
    floor,
  };
  report.targets = teamTargets(report);
  printTeamTable(report);
  const resultsDir = join(benchDir, 'results');
  await mkdir(resultsDir, { recursive: true });
  const stamp = report.at.replace(/[:.]/g, '-');
  if (plans !== null) {
    const plansFile = join(resultsDir, `${stamp}-team-plans.txt`);
    await writeFile(plansFile, plansText(plans));
    log(`plans: ${plansFile}`);
  }
  const full = {
    ...report,
    reads: Object.fromEntries(readResults.map((r) => [r.name, r.medianMs])),
    readDetails: readResults,
    plans,
  };
  const file = opts.json === undefined ? join(resultsDir, `${stamp}-team.json`) : resolve(opts.json);
  await writeFile(file, `${JSON.stringify(full, null, 2)}\n`);
  log(`wrote ${file} (${Math.round((Date.now() - started) / 1000)} s in all)`);
} finally {
  await db.close();
}
