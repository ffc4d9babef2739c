import { open, stat } from 'node:fs/promises';
import { rimuru } from './cli.mjs';
import { BENCH_DATABASE, withClient } from './postgres.mjs';

/** Server-side settings of the plan pass, on the bench database only (other databases are left alone). */
const AUTO_EXPLAIN = [
  "session_preload_libraries = 'auto_explain'",
  'auto_explain.log_min_duration = 0',
  'auto_explain.log_analyze = on',
  'auto_explain.log_buffers = on',
];

/** Statements of the store's own bookkeeping, not of the read: left out of the summary. */
const BOOKKEEPING = /rimuru_migrations|FROM meta\b|pg_catalog|model_prices/;

async function readFrom(path, offset) {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    await handle.read(buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** auto_explain's entries in a stretch of the server log: `duration: X ms  plan:` and its indented lines. */
function parsePlans(text) {
  const plans = [];
  let current = null;
  for (const line of text.split('\n')) {
    const head = /^\d{4}-\d\d-\d\d .*?LOG: {2}duration: ([\d.]+) ms {2}plan:/.exec(line);
    if (head !== null) {
      current = { durationMs: Number(head[1]), lines: [] };
      plans.push(current);
    } else if (/^\d{4}-\d\d-\d\d /.test(line)) current = null;
    else if (current !== null) current.lines.push(line.replace(/^\t/, ''));
  }
  return plans.map((p) => {
    const queryAt = p.lines.findIndex((l) => l.startsWith('Query Text:'));
    const planAt = p.lines.findIndex(
      (l, i) => i > queryAt && /^\s*[A-Z][\w ]+(?: on \w+)?\s+\(cost=|^\s*\w[\w ]*\s+\(cost=/.test(l),
    );
    const query = p.lines
      .slice(queryAt, planAt < 0 ? undefined : planAt)
      .join(' ')
      .replace(/^Query Text:\s*/, '')
      .replace(/\s+/g, ' ')
      .trim();
    return { durationMs: p.durationMs, query, plan: planAt < 0 ? p.lines : p.lines.slice(planAt) };
  });
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement each read sends, as the server ran it
 * (auto_explain on the bench database, read back from the server log); a separate pass after
 * the timed one, so the timings carry no instrumentation. Null when the log is not readable.
 */
export async function capturePlans(reads, { db, env, log }) {
  if (db.log === null) {
    log('plans: the server log is not readable here (set RIMURU_BENCH_PG_LOG); skipped');
    return null;
  }
  await withClient(db.adminUrl, async (c) => {
    for (const setting of AUTO_EXPLAIN) await c.query(`ALTER DATABASE ${BENCH_DATABASE} SET ${setting}`);
  });
  const out = {};
  try {
    for (const [name, args] of reads) {
      const { size } = await stat(db.log);
      await rimuru([...args, '--db', db.url, '--no-sync'], env);
      // The server flushes its log line by line; give it a moment to reach the file.
      await new Promise((resolve) => setTimeout(resolve, 300));
      out[name] = parsePlans(await readFrom(db.log, size)).filter((p) => !BOOKKEEPING.test(p.query));
    }
  } finally {
    await withClient(db.adminUrl, (c) => c.query(`ALTER DATABASE ${BENCH_DATABASE} RESET ALL`));
  }
  return out;
}

/** The plans as text: per read, each statement's server time, text and plan. */
export function plansText(plans) {
  const out = [];
  for (const [name, statements] of Object.entries(plans)) {
    out.push(`=== ${name}`);
    for (const p of statements) out.push(`--- ${p.durationMs} ms: ${p.query}`, ...p.plan, '');
  }
  return `${out.join('\n')}\n`;
}
