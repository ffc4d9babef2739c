// @module-tag built
// @module-tag postgres
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSqliteIntegrity } from '@rimuru/db';
import { createTestDatabase } from '@rimuru/test-utils';
import { generateClaudeHome, type ClaudeHomeTruth } from '@rimuru/test-utils/claude';
import { makeSandbox, runCli } from './cli-harness.js';
import { expectNoStack, expectStoreMatchesTruth, storePath } from './reliability-harness.js';

/** Two syncs and a reading command (what a TUI refresh runs) started at the same moment. */
describe('concurrency: two syncs and a read racing on one store', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let truth: ClaudeHomeTruth;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    truth = await generateClaudeHome(sandbox.home, {
      sessions: 30,
      requestsPerSession: 30,
      seed: 99,
      subagentEvery: 3,
      compactionEvery: 5,
    });
  });
  afterAll(() => sandbox.cleanup());

  async function race(env: Record<string, string>): Promise<void> {
    const results = await Promise.all([
      runCli(['sync', '--format', 'json'], env),
      runCli(['sync', '--format', 'json'], env),
      runCli(['sessions', '--format', 'json', '--limit', '5'], env),
    ]);
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/error/i);
      expectNoStack(r.stderr);
    }
    await expectStoreMatchesTruth(env, truth);
  }

  it('on the embedded store: exact totals, no error shown, intact file (3 rounds)', async () => {
    for (let round = 0; round < 3; round += 1) {
      const env = { ...sandbox.env, XDG_DATA_HOME: join(sandbox.root, `race-${round}`) };
      await race(env);
      expect(await checkSqliteIntegrity(storePath(env))).toBe('ok');
    }
  }, 180_000);

  it('on PostgreSQL: exact totals, no error shown', async () => {
    const db = await createTestDatabase();
    try {
      await race({ ...sandbox.env, DATABASE_URL: db.url });
    } finally {
      await db.drop();
    }
  }, 120_000);
});
