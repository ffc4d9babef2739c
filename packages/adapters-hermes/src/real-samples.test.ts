import { join } from 'node:path';
import { usageEvents } from '@rimuru/test-utils/claude';
import { eventView } from '@rimuru/test-utils/contract';
import { describeRealSamples, moreAgentsEntries, withPlacedSamples } from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';
import { hermesAdapter } from './adapter.js';

describeRealSamples('real Hermes samples', ['hermes', 'place-more-agents.sh'], () => {
  it('reads the session JSON documents as tokenless sessions; ccusage (state.db only) reports nothing', async () => {
    const entries = moreAgentsEntries('hermes');
    expect(entries).toHaveLength(3);
    for (const [, entry] of entries) expect([entry.sessions, entry.totals?.totalTokens]).toEqual([[], 0]);

    await withPlacedSamples(hermesAdapter, 'hermes', (events, home) => {
      expect(usageEvents(events)).toEqual([]);
      const view = eventView(events);
      expect(view.diagnostics).toEqual([]);
      expect(view.activity).toEqual({
        '20260429_hermes_small': expect.objectContaining({
          firstAt: '2026-04-29T20:00:00.000Z',
          lastAt: '2026-04-29T20:00:04.000Z',
          projectPath: '/tmp/hermes-small',
          models: ['claude-sonnet-4-6'],
          tokensKnown: false,
        }) as unknown,
        // model_config.cwd with `~` is the user's home.
        '20260429_hermes_large': expect.objectContaining({
          projectPath: join(home.dir, 'Repository/Codex-History'),
          models: ['gpt-5.2'],
          tokensKnown: false,
        }) as unknown,
        // Times without a zone are read as UTC.
        '20260429_hermes_schema_drift': expect.objectContaining({
          firstAt: '2026-04-29T20:10:00.000Z',
          lastAt: '2026-04-29T20:10:08.000Z',
          projectPath: '/tmp/hermes-drift',
        }) as unknown,
      });
    });
  });
});
