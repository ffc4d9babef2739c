import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterEvent } from '@rimuru/core';
import { collectEvents, usageEvents } from '@rimuru/test-utils/claude';
import { eventView } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { antigravityAdapter } from './adapter.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const samples = resolve(repoRoot, '../shared/real-samples');
const place = join(samples, 'place-more-agents.sh');

interface OracleEntry {
  sessions: unknown[];
  totals: { totalTokens: number };
}

describe.skipIf(!existsSync(join(samples, 'antigravity')) || !existsSync(place))('real Antigravity samples', () => {
  it('reads the placed transcripts as tokenless sessions, as ccusage reports nothing (no conversation .db)', async () => {
    const oracle = JSON.parse(readFileSync(join(samples, 'ccusage-oracle-more-agents.json'), 'utf8')) as Record<string, OracleEntry>;
    const keys = Object.keys(oracle).filter((k) => k.startsWith('antigravity/'));
    expect(keys).toHaveLength(5);
    for (const key of keys) expect([oracle[key]?.sessions, oracle[key]?.totals.totalTokens]).toEqual([[], 0]);

    const home = await createTempHome('rimuru-antigravity-real-');
    try {
      execFileSync('bash', [place, 'antigravity', home.dir], { stdio: 'ignore' });
      const ctx = testAdapterContext({ homeDir: home.dir });
      const events: AdapterEvent[] = [];
      for (const source of await antigravityAdapter.discover(ctx)) events.push(...(await collectEvents(antigravityAdapter.read(source, { offset: 0, state: null }, ctx))));
      expect(usageEvents(events)).toEqual([]);
      const view = eventView(events);
      expect(view.diagnostics).toEqual([]);
      expect(Object.keys(view.activity).sort()).toEqual(['cli_schema_drift', 'cli_small', 'fixture-current-cli']);
      expect(view.activity['fixture-current-cli']).toMatchObject({ firstAt: '2026-06-21T13:32:13.000Z', lastAt: '2026-06-21T13:32:14.000Z', tokensKnown: false });
      expect(view.activity['cli_schema_drift']).toMatchObject({ firstAt: '2026-06-26T21:16:16.000Z', lastAt: '2026-06-26T21:16:18.000Z' });
    } finally {
      await home.cleanup();
    }
  });
});
