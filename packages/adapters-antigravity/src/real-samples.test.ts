import { usageEvents } from '@rimuru/test-utils/claude';
import { eventView } from '@rimuru/test-utils/contract';
import { describeRealSamples, moreAgentsEntries, withPlacedSamples } from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';
import { antigravityAdapter } from './adapter.js';

describeRealSamples('real Antigravity samples', ['antigravity', 'place-more-agents.sh'], () => {
  it('reads the placed transcripts as tokenless sessions, as ccusage reports nothing (no conversation .db)', async () => {
    const entries = moreAgentsEntries('antigravity');
    expect(entries).toHaveLength(5);
    for (const [, entry] of entries) expect([entry.sessions, entry.totals?.totalTokens]).toEqual([[], 0]);

    await withPlacedSamples(antigravityAdapter, 'antigravity', (events) => {
      expect(usageEvents(events)).toEqual([]);
      const view = eventView(events);
      expect(view.diagnostics).toEqual([]);
      expect(Object.keys(view.activity).sort()).toEqual(['cli_schema_drift', 'cli_small', 'fixture-current-cli']);
      expect(view.activity['fixture-current-cli']).toMatchObject({
        firstAt: '2026-06-21T13:32:13.000Z',
        lastAt: '2026-06-21T13:32:14.000Z',
        tokensKnown: false,
      });
      expect(view.activity['cli_schema_drift']).toMatchObject({
        firstAt: '2026-06-26T21:16:16.000Z',
        lastAt: '2026-06-26T21:16:18.000Z',
      });
    });
  });
});
