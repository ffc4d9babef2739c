import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterEvent } from '@rimuru/core';
import { collectEvents, usageEvents } from '@rimuru/test-utils/claude';
import { eventView } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { hermesAdapter } from './adapter.js';

// The corpus sits beside the repo; place-more-agents.sh copies it into a temp home, never into the repo.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const samples = resolve(repoRoot, '../shared/real-samples');
const place = join(samples, 'place-more-agents.sh');

interface OracleEntry {
  sessions: unknown[];
  totals: { totalTokens: number };
}

describe.skipIf(!existsSync(join(samples, 'hermes')) || !existsSync(place))('real Hermes samples', () => {
  it('reads the session JSON documents as tokenless sessions; ccusage (state.db only) reports nothing', async () => {
    const oracle = JSON.parse(readFileSync(join(samples, 'ccusage-oracle-more-agents.json'), 'utf8')) as Record<string, OracleEntry>;
    const keys = Object.keys(oracle).filter((k) => k.startsWith('hermes/'));
    expect(keys).toHaveLength(3);
    for (const key of keys) expect([oracle[key]?.sessions, oracle[key]?.totals.totalTokens]).toEqual([[], 0]);

    const home = await createTempHome('rimuru-hermes-real-');
    try {
      execFileSync('bash', [place, 'hermes', home.dir], { stdio: 'ignore' });
      const ctx = testAdapterContext({ homeDir: home.dir });
      const events: AdapterEvent[] = [];
      for (const source of await hermesAdapter.discover(ctx)) events.push(...(await collectEvents(hermesAdapter.read(source, { offset: 0, state: null }, ctx))));
      expect(usageEvents(events)).toEqual([]);
      const view = eventView(events);
      expect(view.diagnostics).toEqual([]);
      expect(view.activity).toEqual({
        '20260429_hermes_small': expect.objectContaining({ firstAt: '2026-04-29T20:00:00.000Z', lastAt: '2026-04-29T20:00:04.000Z', projectPath: '/tmp/hermes-small', models: ['claude-sonnet-4-6'], tokensKnown: false }),
        // model_config.cwd with `~` is the user's home.
        '20260429_hermes_large': expect.objectContaining({ projectPath: join(home.dir, 'Repository/Codex-History'), models: ['gpt-5.2'], tokensKnown: false }),
        // Times without a zone are read as UTC.
        '20260429_hermes_schema_drift': expect.objectContaining({ firstAt: '2026-04-29T20:10:00.000Z', lastAt: '2026-04-29T20:10:08.000Z', projectPath: '/tmp/hermes-drift' }),
      });
    } finally {
      await home.cleanup();
    }
  });
});
