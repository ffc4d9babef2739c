// @module-tag built
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSqliteIntegrity } from '@rimuru/db';
import { generateClaudeHome, Prng, type ClaudeHomeTruth } from '@rimuru/test-utils/claude';
import { makeSandbox, runCli } from './cli-harness.js';
import {
  expectNoStack,
  expectStoreMatchesTruth,
  runAndKill,
  runAndKillWhen,
  storedSessions,
  storePath,
} from './reliability-harness.js';

/**
 * Bounded: a ≈4 MB generated home (≈1–2 s to import on an idle machine), 10 to 24 trials, each on a
 * fresh store with one or two SIGKILLs at random moments, then a normal run.
 */
const TRIALS = 10;
const MAX_TRIALS = 24;

/** Bytes in the store's write-ahead log (0 before the store exists). */
function walBytes(env: Record<string, string>): number {
  try {
    return statSync(`${storePath(env)}-wal`).size;
  } catch {
    return 0;
  }
}

describe('crash safety: rimuru sync killed with SIGKILL during a large import', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let truth: ClaudeHomeTruth;
  let fullRunMs = 0;
  let importWindowMs = 0;
  let walBaseline = 0;
  /** Usage is being committed: the log holds more than migrations and price seeding write. */
  const importing = (env: Record<string, string>) => walBytes(env) > walBaseline;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    truth = await generateClaudeHome(sandbox.home, {
      sessions: 50,
      requestsPerSession: 40,
      seed: 4242,
      subagentEvery: 4,
      compactionEvery: 6,
    });
    // Calibrates the kill window to this machine (not asserted, only used to aim the kills at
    // the import rather than at start-up, migrations and file planning, whose length varies
    // with load): what a sync of an empty home writes to the log is the baseline; beyond it,
    // usage is being committed.
    const emptyEnv = {
      ...sandbox.env,
      HOME: join(sandbox.root, 'empty-home'),
      XDG_DATA_HOME: join(sandbox.root, 'baseline'),
    };
    const baseline = await runCli(['sync'], emptyEnv);
    expect(baseline.code, baseline.stderr).toBe(0);
    walBaseline = walBytes(emptyEnv);
    const env = { ...sandbox.env, XDG_DATA_HOME: join(sandbox.root, 'calibrate') };
    const calibration = await runAndKillWhen(['sync'], env, () => importing(env), 60_000);
    expect(calibration.killed, calibration.stderr).toBe(false);
    fullRunMs = calibration.endedAtMs;
    importWindowMs = Math.max(50, calibration.endedAtMs - (calibration.readyAtMs ?? 0));
    await expectStoreMatchesTruth(env, truth);
  });
  afterAll(() => sandbox.cleanup());

  it(`after ${TRIALS} trials of random kills and one normal run, totals are exact and the store is intact`, async () => {
    const prng = new Prng(20_260_101);
    const totalRequests = truth.sessions.reduce((n, s) => n + s.requestCount, 0);
    let killedMidImport = 0;
    // At least TRIALS trials, and more (up to MAX_TRIALS) until enough kills landed mid-import:
    // where a kill lands depends on the machine's load, what is checked after it does not.
    let trial = 0;
    for (; trial < MAX_TRIALS && (trial < TRIALS || killedMidImport < 3); trial += 1) {
      const env = { ...sandbox.env, XDG_DATA_HOME: join(sandbox.root, `trial-${trial}`) };
      const kills = trial % 3 === 2 ? 2 : 1;
      for (let k = 0; k < kills; k += 1) {
        const run = await runAndKillWhen(
          ['sync'],
          env,
          () => importing(env),
          prng.int(0, Math.round(importWindowMs * 0.7)),
        );
        expectNoStack(run.stderr);
        if (existsSync(storePath(env))) expect(await checkSqliteIntegrity(storePath(env))).toBe('ok');
      }
      if (existsSync(storePath(env))) {
        const stored = (await storedSessions(env)).reduce((n, s) => n + s.requestCount, 0);
        // Whatever was committed before the kill is a subset of the truth, never more.
        expect(stored).toBeLessThanOrEqual(totalRequests);
        if (stored > 0 && stored < totalRequests) killedMidImport += 1;
      }
      const resumed = await runCli(['sync', '--format', 'json'], env);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(await checkSqliteIntegrity(storePath(env))).toBe('ok');
      await expectStoreMatchesTruth(env, truth);
    }
    console.log(`crash: ${killedMidImport} of ${trial} trials killed mid-import (import window ${importWindowMs} ms)`);
    // The kills must actually have landed mid-import for the test to prove anything.
    expect(killedMidImport).toBeGreaterThanOrEqual(3);
  }, 300_000);

  it('the watcher killed with SIGKILL while it imports (4 trials), then a normal sync: exact totals, intact store', async () => {
    const prng = new Prng(77);
    for (let trial = 0; trial < 4; trial += 1) {
      const env = { ...sandbox.env, XDG_DATA_HOME: join(sandbox.root, `watch-${trial}`) };
      // The watcher's first act is a full sync; the kill lands during it or while it follows files.
      const run = await runAndKill(
        ['watch', '--poll', '--rescan', '200'],
        env,
        prng.int(300, Math.max(600, fullRunMs + 500)),
      );
      expect(run.killed, run.stderr).toBe(true);
      expectNoStack(run.stderr);
      if (existsSync(storePath(env))) expect(await checkSqliteIntegrity(storePath(env))).toBe('ok');
      const resumed = await runCli(['sync'], env);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(await checkSqliteIntegrity(storePath(env))).toBe('ok');
      await expectStoreMatchesTruth(env, truth);
    }
  }, 240_000);
});
