import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterEvent } from '@rimuru/core';
import { collectEvents, usageEvents } from '@rimuru/test-utils/claude';
import { eventView } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { grokAdapter } from './adapter.js';

// The corpus sits beside the repo (/work/shared next to /work/main); it is never copied in:
// place-more-agents.sh copies it into a temp home, where Grok itself would keep it.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const samples = resolve(repoRoot, '../shared/real-samples');
const place = join(samples, 'place-more-agents.sh');

interface OracleEntry {
  sessions: unknown[];
  totals: { totalTokens: number };
}

describe.skipIf(!existsSync(join(samples, 'grok')) || !existsSync(place))('real Grok samples', () => {
  it('reads every placed session without tokens, as ccusage reports none (no sample has updates.jsonl)', async () => {
    const oracle = JSON.parse(readFileSync(join(samples, 'ccusage-oracle-more-agents.json'), 'utf8')) as Record<string, OracleEntry>;
    const keys = Object.keys(oracle).filter((k) => k.startsWith('grok/'));
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect([key, oracle[key]?.sessions, oracle[key]?.totals.totalTokens]).toEqual([key, [], 0]);

    const home = await createTempHome('rimuru-grok-real-');
    try {
      execFileSync('bash', [place, 'grok', home.dir], { stdio: 'ignore' });
      const ctx = testAdapterContext({ homeDir: home.dir });
      const events: AdapterEvent[] = [];
      for (const source of await grokAdapter.discover(ctx)) events.push(...(await collectEvents(grokAdapter.read(source, { offset: 0, state: null }, ctx))));
      expect(usageEvents(events)).toEqual([]);
      const view = eventView(events);
      expect(view.diagnostics).toEqual([]);
      expect(view.activity).toEqual({
        '019f6851-7ec4-7ef0-97d3-03f3eee38755': expect.objectContaining({
          firstAt: '2026-07-31T10:13:27.574Z',
          lastAt: '2026-07-31T10:15:02.118Z',
          projectPath: '/tmp/as-agent-lab/grok/project',
          title: 'Read hello.py and summarize what it prints',
          models: ['grok-4.5'],
          tokensKnown: false,
        }),
        // The subagent folder is its own session under its parent.
        'sub-1': expect.objectContaining({ parentExternalId: '019f6851-7ec4-7ef0-97d3-03f3eee38755', tokensKnown: false }),
        '019f6000-0000-7000-8000-000000000001': expect.objectContaining({
          firstAt: '2026-07-18T10:00:00.000Z',
          lastAt: '2026-07-18T10:30:00.000Z',
          projectPath: '/workspace/grok-worktrees/parser-audit',
          parentExternalId: '019f5000-0000-7000-8000-000000000000',
          title: 'Audit Grok compatibility',
        }),
        '019f6000-0000-7000-8000-000000000002': expect.objectContaining({ projectPath: '/workspace/agentsview', tokensKnown: false }),
      });
    } finally {
      await home.cleanup();
    }
  });
});
