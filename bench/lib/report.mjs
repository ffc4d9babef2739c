import { READ_COMMANDS } from './read-commands.mjs';

/** The issue's targets, evaluated on one run's medians. */
export function targetsOf(results, ccusageName, { usageRecords = null, scale = null, sourceFiles = null } = {}) {
  const by = (name) => results.find((r) => r.name === name) ?? null;
  const cc = ccusageName === null ? null : by(ccusageName);
  const ms = (name) => by(name)?.medianMs ?? null;
  const cold = by('cold import: rimuru sync');
  const ratio = (a, b) => (a === null || b === null ? null : a / b);
  const target = (name, value, limit, met, unit) => ({
    name,
    value: value === null ? null : Math.round(value * 100) / 100,
    limit,
    unit,
    met: value === null ? null : met(value),
  });
  const statsMs = ms('stats --range all --format json --no-sync');
  const perSecond = (name) => (usageRecords === null || ms(name) === null ? null : usageRecords / (ms(name) / 1000));
  const readTargets = READ_COMMANDS('<id>').flatMap(([name]) => [
    target(`${name} ÷ stats --no-sync`, ratio(ms(name), statsMs), 2, (v) => v <= 2, '×'),
    target(`${name} peak RSS`, by(name)?.maxRssMb ?? null, 120, (v) => v <= 120, 'MiB'),
  ]);
  const defaultReadRatio = scale === 'xl' ? 20 : 10;
  return [
    target('stats --no-sync: ccusage ÷ rimuru', ratio(cc?.medianMs ?? null, statsMs), 30, (v) => v >= 30, '×'),
    target(
      'stats (with sync check): ccusage ÷ rimuru',
      ratio(cc?.medianMs ?? null, ms('stats --range all --format json')),
      defaultReadRatio,
      (v) => v >= defaultReadRatio,
      '×',
    ),
    target(
      'sessions (with sync check): ccusage ÷ rimuru',
      ratio(cc?.medianMs ?? null, ms('rimuru sessions')),
      defaultReadRatio,
      (v) => v >= defaultReadRatio,
      '×',
    ),
    target(
      'sync check ms per 10k source files',
      sourceFiles === null || statsMs === null || ms('stats --range all --format json') === null
        ? null
        : ((ms('stats --range all --format json') - statsMs) / sourceFiles) * 10_000,
      60,
      (v) => v <= 60,
      'ms',
    ),
    ...readTargets,
    target(
      'export usage records/s',
      perSecond('export usage --format ndjson --range all'),
      200_000,
      (v) => v >= 200_000,
      '/s',
    ),
    target(
      'export usage peak RSS',
      by('export usage --format ndjson --range all')?.maxRssMb ?? null,
      150,
      (v) => v <= 150,
      'MiB',
    ),
    target('db import records/s', perSecond('db import (into an empty store)'), 100_000, (v) => v >= 100_000, '/s'),
    target('cold import ÷ ccusage', ratio(cold?.medianMs ?? null, cc?.medianMs ?? null), 1.5, (v) => v <= 1.5, '×'),
    target(
      'incremental +1 MiB ÷ cold import',
      ratio(ms('incremental sync after +1 MiB'), cold?.medianMs ?? null),
      0.05,
      (v) => v <= 0.05,
      '×',
    ),
    target('cold import peak RSS', cold?.maxRssMb ?? null, 300, (v) => v <= 300, 'MiB'),
    target('rimuru --version ÷ node -e 0', ratio(ms('rimuru --version'), ms('node -e 0')), 3, (v) => v <= 3, '×'),
  ];
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const fmt = (v, digits = 0) => (v === null || v === undefined ? '—' : v.toFixed(digits));

/** The human table on stdout (the JSON file has every sample). */
export function printTable(report) {
  const mib = (report.home.totalBytes / 2 ** 20).toFixed(0);
  const cc = report.results.find((r) => r.name.startsWith('ccusage'));
  const out = [];
  out.push(
    `Rimuru bench — scale ${report.scale}, home ${mib} MiB, ${report.machine.cpus} CPUs, Node ${report.machine.node}`,
  );
  out.push('');
  out.push(
    `${pad('command', 46)} ${lpad('median ms', 10)} ${lpad('min', 8)} ${lpad('max', 8)} ${lpad('peak RSS MiB', 13)} ${lpad('ccusage ÷ it', 12)}`,
  );
  out.push('-'.repeat(101));
  for (const r of report.results) {
    const vs = cc && r !== cc ? `${(cc.medianMs / r.medianMs).toFixed(2)}×` : '';
    out.push(
      `${pad(r.name, 46)} ${lpad(fmt(r.medianMs, 1), 10)} ${lpad(fmt(r.minMs), 8)} ${lpad(fmt(r.maxMs), 8)} ${lpad(fmt(r.maxRssMb), 13)} ${lpad(vs, 12)}`,
    );
  }
  out.push('');
  const w = report.workload;
  out.push(
    `workload check: rimuru ${w.rimuru.sessions} sessions / ${w.rimuru.totalTokens} tokens; ccusage ${w.ccusage ? `${w.ccusage.sessions} sessions / ${w.ccusage.totalTokens} tokens` : '—'}`,
  );
  out.push('');
  out.push('targets:');
  for (const t of report.targets) {
    const verdict = t.met === null ? 'n/a' : t.met ? 'met' : 'NOT met';
    out.push(
      `  ${pad(t.name, 44)} ${lpad(t.value === null ? '—' : t.value, 9)} ${t.unit}  (limit ${t.limit})  ${verdict}`,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
