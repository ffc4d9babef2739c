/** The issue's targets, on one run's figures. */
export function teamTargets(report) {
  const target = (name, value, limit, met, unit) => ({
    name,
    value,
    limit,
    unit,
    met: value === null || value === undefined ? null : met(value),
  });
  const { newMonth, firstYear, concurrent } = report.push;
  const perRecord = (p) => (p && p.usageRecords > 0 ? p.pushMs / p.usageRecords : null);
  const incrementalRatio =
    perRecord(newMonth) !== null && perRecord(firstYear) !== null ? perRecord(newMonth) / perRecord(firstYear) : null;
  return [
    ...report.reads.map((r) => target(`read: ${r.name}`, r.medianMs, 300, (v) => v <= 300, 'ms')),
    target('push of a new month', newMonth?.recordsPerSec ?? null, 50_000, (v) => v >= 50_000, 'records/s'),
    target('first push of a year', firstYear?.recordsPerSec ?? null, 50_000, (v) => v >= 50_000, 'records/s'),
    target(`${concurrent.machines} pushes at once: errors`, concurrent.errors.length, 0, (v) => v === 0, ''),
    target(`${concurrent.machines} pushes at once: deadlocks`, concurrent.deadlocks, 0, (v) => v === 0, ''),
    target(
      'every host exactly once on the server (count mismatches)',
      report.verification.mismatches.length,
      0,
      (v) => v === 0,
      '',
    ),
    target(
      'incremental push: ms per record ÷ first push',
      incrementalRatio === null ? null : Math.round(incrementalRatio * 100) / 100,
      1.5,
      (v) => v <= 1.5,
      '×',
    ),
  ];
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const num = (v) => (v === null || v === undefined ? '—' : Number(v).toLocaleString('en-US'));

/** The human table on stdout (the JSON file holds everything). */
export function printTeamTable(report) {
  const out = [];
  const s = report.scale;
  out.push(
    `Rimuru team bench — ${s.machines} machines × ${s.months} months: ${num(report.records)} usage records, ${num(report.sessions)} sessions; ${report.machine.cpus} CPUs, PostgreSQL ${report.server.version}`,
  );
  out.push('');
  out.push(
    `${pad('push', 44)} ${lpad('records', 10)} ${lpad('push ms', 9)} ${lpad('wall ms', 9)} ${lpad('records/s', 10)}`,
  );
  out.push('-'.repeat(86));
  const row = (name, p) =>
    out.push(
      `${pad(name, 44)} ${lpad(num(p?.usageRecords), 10)} ${lpad(num(p?.pushMs), 9)} ${lpad(num(p?.wallMs), 9)} ${lpad(num(p?.recordsPerSec), 10)}`,
    );
  row('first push of a year (median of the fill)', report.push.fillMedian);
  row('first push of a year (last of the fill)', report.push.firstYear);
  row(`${report.push.concurrent.machines} first pushes at once (all of them)`, report.push.concurrent.total);
  row('machine 0: new month after sync', report.push.newMonth);
  row('machine 0: nothing new', report.push.nothing);
  out.push('');
  out.push(
    `${pad('read (--db <server> --no-sync)', 58)} ${lpad('median ms', 10)} ${lpad('min ms', 8)} ${lpad('server ms', 10)} ${lpad('peak RSS MiB', 13)}`,
  );
  out.push('-'.repeat(103));
  for (const r of [...report.reads, ...report.floor]) {
    out.push(
      `${pad(r.name, 58)} ${lpad(r.medianMs, 10)} ${lpad(r.minMs, 8)} ${lpad(r.serverMs ?? '—', 10)} ${lpad(r.maxRssMb ?? '—', 13)}`,
    );
  }
  out.push('');
  out.push('targets');
  for (const t of report.targets) {
    const mark = t.met === null ? '?' : t.met ? 'met' : 'NOT met';
    out.push(`  ${pad(t.name, 62)} ${lpad(num(t.value), 10)} ${pad(t.unit, 9)} (limit ${num(t.limit)}) ${mark}`);
  }
  out.push('');
  out.push(
    `server tables: ${report.server.tables
      .slice(0, 6)
      .map((t) => `${t.name} ${t.mib} MiB (${t.indexMib} in indexes)`)
      .join(', ')}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}
