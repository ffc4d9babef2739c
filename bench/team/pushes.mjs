import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { machineEnv, rimuruJson } from './cli.mjs';
import { machineOffset, monthStart } from './machine-history.mjs';
import { writeMonthHome } from './month-home.mjs';
import { localCounts } from './verify.mjs';

/** records/s of a push summary, from the push's own duration (the CLI's start-up excluded). */
const rate = (summary) =>
  summary.durationMs > 0 ? Math.round(summary.usageRecords / (summary.durationMs / 1000)) : null;

/** What one `rimuru push` did and cost. */
function pushResult(host, run) {
  const s = run.json;
  return {
    host,
    sessions: s.sessions,
    usageRecords: s.usageRecords,
    batches: s.batches,
    pushMs: s.durationMs,
    wallMs: Math.round(run.wallMs),
    recordsPerSec: rate(s),
  };
}

/**
 * `rimuru push --no-sync` of one machine's store to the team server; `full` ignores the
 * store's cursor (a cached store may carry one from an earlier run against another database).
 */
export async function push(store, { url, work, full }) {
  const args = ['push', '--no-sync', '--db', store.path, '--to', url, ...(full ? ['--full'] : [])];
  return pushResult(store.host, await rimuruJson(args, machineEnv(work, store.host)));
}

/** Several machines' first pushes at once: every result, or the error of each that failed. */
export async function pushTogether(stores, { url, work }) {
  return Promise.all(
    stores.map((store) =>
      push(store, { url, work, full: true }).catch((error) => ({
        host: store.host,
        error: String(error.message).split('\n').slice(0, 3).join(' '),
      })),
    ),
  );
}

/**
 * Machine 0's month that was never pushed: generated agent files for the newest month, read
 * by `rimuru sync` into a copy of its store (the cached store stays as built), then pushed.
 * Returns the push of the new month and a push right after it, which has nothing to send.
 */
export async function pushNewMonth(store, { url, work, anchor, months }) {
  const copy = { ...store, path: join(work, `${store.host}-new-month.db`) };
  await rm(copy.path, { force: true });
  await copyFile(store.path, copy.path);
  const first = await push(copy, { url, work, full: true });
  const home = join(work, `${store.host}-home`);
  await writeMonthHome(home, {
    seed: 7_000 + store.index,
    start: monthStart(anchor, months, months - 1) + machineOffset(store.index),
  });
  const sync = await rimuruJson(['sync', '--db', copy.path], machineEnv(work, store.host, home));
  const newMonth = await push(copy, { url, work, full: false });
  const nothing = await push(copy, { url, work, full: false });
  const counts = localCounts(copy.path);
  await rm(home, { recursive: true, force: true });
  await rm(copy.path, { force: true });
  return {
    first,
    sync: { usageInserted: sync.json.usageInserted, wallMs: Math.round(sync.wallMs) },
    newMonth,
    nothing,
    localCounts: counts,
  };
}
