import { ensurePostgres, stopPrivatePostgres } from '../bin/ensure-postgres.mjs';

/**
 * vitest global setup: finds or starts a PostgreSQL server once per run and hands its admin
 * URL to test workers through RIMURU_TEST_PG_URL (workers inherit the environment). A
 * failure does not stop suites that need no server; those that do fail with the reason,
 * kept in RIMURU_TEST_PG_SETUP_ERROR.
 */
export default async function setup(): Promise<() => void> {
  let started = false;
  try {
    const found = await ensurePostgres();
    started = found.started;
    process.env['RIMURU_TEST_PG_URL'] = found.url;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.env['RIMURU_TEST_PG_SETUP_ERROR'] = reason;
    console.warn(`[rimuru test setup] no PostgreSQL server: ${reason}`);
  }
  return () => {
    if (started) stopPrivatePostgres();
  };
}
