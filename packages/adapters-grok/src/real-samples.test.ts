import { usageEvents } from '@rimuru/test-utils/claude';
import { eventView } from '@rimuru/test-utils/contract';
import { describeRealSamples, moreAgentsEntries, withPlacedSamples } from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';
import { grokAdapter } from './adapter.js';

// place-more-agents.sh copies the corpus into a temp home, where Grok itself would keep it.
describeRealSamples('real Grok samples', ['grok', 'place-more-agents.sh'], () => {
  it('reads every placed session without tokens, as ccusage reports none (no sample has updates.jsonl)', async () => {
    const entries = moreAgentsEntries('grok');
    expect(entries.length).toBeGreaterThan(5);
    for (const [key, entry] of entries) expect([key, entry.sessions, entry.totals?.totalTokens]).toEqual([key, [], 0]);

    await withPlacedSamples(grokAdapter, 'grok', (events) => {
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
        }) as unknown,
        // The subagent folder is its own session under its parent.
        'sub-1': expect.objectContaining({
          parentExternalId: '019f6851-7ec4-7ef0-97d3-03f3eee38755',
          tokensKnown: false,
        }) as unknown,
        '019f6000-0000-7000-8000-000000000001': expect.objectContaining({
          firstAt: '2026-07-18T10:00:00.000Z',
          lastAt: '2026-07-18T10:30:00.000Z',
          projectPath: '/workspace/grok-worktrees/parser-audit',
          parentExternalId: '019f5000-0000-7000-8000-000000000000',
          title: 'Audit Grok compatibility',
        }) as unknown,
        '019f6000-0000-7000-8000-000000000002': expect.objectContaining({
          projectPath: '/workspace/agentsview',
          tokensKnown: false,
        }) as unknown,
      });
    });
  });
});
