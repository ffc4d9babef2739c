import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStore } from '@rimuru/db';
import { loadCosts } from '../src/data/costs-data.js';
import { loadDashboard } from '../src/data/dashboard-data.js';
import { usageOf } from '../src/data/usage-of.js';
import { costsLines } from '../src/view-models/panel-lines.js';
import { dashboardLines } from '../src/view-models/dashboard-view.js';
import { COST_PANELS } from '../src/view-models/cost-range.js';
import { costText, tokensText } from '../src/view-models/usage-figures.js';
import { fixtureStore } from './store-fixture.js';

const now = new Date('2026-11-25T14:30:00.000Z');
const h = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

/**
 * A Cursor session without token data today, a Claude Code session with usage today, and an
 * older Claude Code session touched again today without new requests.
 */
describe('usage an agent does not record shows as —, never 0 / $0.00', () => {
  let store: SessionStore;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await fixtureStore([
      { agentType: 'cursor', id: 'cur-1', firstAt: h(3), lastAt: h(2) },
      {
        agentType: 'claude-code',
        id: 'cc-1',
        firstAt: h(4),
        lastAt: h(1),
        requests: [{ at: h(1), model: 'claude-sonnet-4-5', input: 1_000, costNanos: 3_000_000n }],
      },
      {
        agentType: 'codex',
        id: 'cx-1',
        firstAt: h(240),
        lastAt: h(2),
        requests: [{ at: h(240), model: 'gpt-5', input: 500, costNanos: 1_000_000n }],
      },
    ]));
  });
  afterAll(async () => dispose());

  it('a period or agent whose sessions keep no tokens is unknown; one that simply had no requests is zero', async () => {
    const cursor = await usageOf(store, { since: h(12), agentTypes: ['cursor'] }, 'auto');
    expect([tokensText(cursor), costText(cursor)]).toEqual(['—', '—']);
    const codex = await usageOf(store, { since: h(12), agentTypes: ['codex'] }, 'auto');
    expect([tokensText(codex), costText(codex)]).toEqual(['0', '$0.00']);
    const all = await usageOf(store, { since: h(12) }, 'auto');
    expect([all.sessions, tokensText(all), costText(all)]).toEqual([3, '1K', '$0.0030']);
  });

  it('the Costs view marks the agent unknown in By agent', async () => {
    const data = await loadCosts({ store, zone: 'UTC', costMode: 'auto' }, 'today', now);
    const lines = costsLines(data, 'By agent', COST_PANELS, 80, 20, 'auto');
    const row = (agent: string) => lines.find((l) => l.includes(agent))!;
    expect(row('cursor')).toMatch(/cursor +0 +— +—\s*$/);
    expect(row('codex')).toMatch(/codex +0 +0 +\$0\.00\s*$/);
    expect(row('claude-code')).toMatch(/claude-code +1 +1K +\$0\.0030\s*$/);
  });

  it('the dashboard shows — for a period with only such sessions', async () => {
    const onlyCursor = await fixtureStore([{ agentType: 'cursor', id: 'cur-2', firstAt: h(3), lastAt: h(2) }]);
    try {
      const data = await loadDashboard(
        { store: onlyCursor.store, zone: 'UTC', costMode: 'auto', activeWindowMs: 300_000, adapters: [] },
        now,
      );
      const lines = dashboardLines(data, { width: 100, height: 30, costMode: 'auto', activeWindowMs: 300_000 });
      expect(lines[0]).toMatch(/^Today — · 1 session · — tok │ 7 days — · 1 session · — tok │/);
      expect(lines.find((l) => l.includes('◫ cursor'))).toMatch(/— · — +│$/);
    } finally {
      await onlyCursor.dispose();
    }
  });
});
