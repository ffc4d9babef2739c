// @module-tag built
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { nanosToUsd } from '@rimuru/core';
import { openStore, parseStoreLocation, type SessionStore } from '@rimuru/db';
import { generateClaudeHome } from '@rimuru/test-utils/claude';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCosts } from '../src/data/costs-data.js';
import { COST_RANGES } from '../src/view-models/cost-range.js';

const CLI_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../cli/bin/run.js');
const ZONE = 'Asia/Kathmandu';
const run = promisify(execFile);

/**
 * The Costs view's By model panel against `rimuru costs by-model` on one generated store:
 * sessions that call a subagent model pay each model its own share, exactly as the CLI says.
 */
describe('Costs view, by model = rimuru costs by-model', () => {
  let root: string;
  let env: Record<string, string>;
  let dbPath: string;
  let store: SessionStore;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rimuru-tui-costs-'));
    const home = join(root, 'home');
    // 90 sessions an hour apart, ending a few hours ago: today, 7 days and this month each cut it.
    const start = new Date(Date.now() - 96 * 3_600_000).toISOString();
    await generateClaudeHome(home, { sessions: 90, requestsPerSession: 5, seed: 151, subagentEvery: 3, start });
    dbPath = join(root, 'store.db');
    env = {
      HOME: home,
      XDG_DATA_HOME: join(root, 'data'),
      XDG_CONFIG_HOME: join(home, '.config'),
      PATH: process.env.PATH ?? '',
      NO_COLOR: '1',
    };
    await run(process.execPath, [CLI_BIN, 'sync', '--db', dbPath], { env });
    store = await openStore(parseStoreLocation(dbPath, root));
  });
  afterAll(async () => {
    await store?.close();
    await rm(root, { recursive: true, force: true });
  });

  async function cliRows(range: string) {
    const { stdout } = await run(
      process.execPath,
      [
        CLI_BIN,
        'costs',
        'by-model',
        '--range',
        range,
        '--timezone',
        ZONE,
        '--format',
        'json',
        '--no-sync',
        '--db',
        dbPath,
      ],
      { env, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout) as {
      rows: { name: string | null; requestCount: number; totalTokens: number; costUsd: number }[];
    };
    return report.rows.map((r) => ({
      name: r.name ?? '(no model)',
      requests: r.requestCount,
      tokens: r.totalTokens,
      costUsd: r.costUsd,
    }));
  }

  it.each(COST_RANGES)('range %s: the same models, requests, tokens and dollars in the same order', async (range) => {
    // Both read "now" on one local day; a run across midnight compares again on the new day.
    for (let attempt = 0; ; attempt++) {
      const day = new Date().toLocaleDateString('en-CA', { timeZone: ZONE });
      const expected = await cliRows(range);
      const data = await loadCosts({ store, zone: ZONE, costMode: 'auto' }, range, new Date());
      if (day !== new Date().toLocaleDateString('en-CA', { timeZone: ZONE }) && attempt === 0) continue;
      const shown = data.byModel.map((m) => ({
        name: m.name,
        requests: m.requests,
        tokens: m.tokens,
        costUsd: nanosToUsd(m.costNanos),
      }));
      expect(shown).toEqual(expected);
      if (range === 'all') {
        // The subagent model is never a session's main model: per-session attribution would hide it.
        expect(shown.map((m) => m.name)).toContain('claude-haiku-4-5-20251001');
        expect(shown.length).toBeGreaterThanOrEqual(3);
      }
      break;
    }
  });
});
