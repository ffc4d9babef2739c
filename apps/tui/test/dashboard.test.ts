import { billingBlocksOfSlots, selectCostNanos } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeBillingBlock } from '@rimuru/app-runtime/active-block';
import { loadDashboard } from '../src/data/dashboard-data.js';
import { dashboardLines } from '../src/view-models/dashboard-view.js';
import { fixtureStore } from './store-fixture.js';

const now = new Date('2026-11-25T14:30:00.000Z');
const m = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const req = (minutesAgo: number, model: string, costNanos: bigint) => ({
  at: m(minutesAgo),
  model,
  input: 1_000,
  costNanos,
});

/**
 * A day of Claude Code use: a block yesterday, one running since 12:00 (requests at 12:30,
 * 13:00 and 14:10), a session still active, two projects and two models; a daily budget of $1.
 */
describe('dashboard', () => {
  let store: SessionStore;
  let dispose: () => Promise<void>;
  const rt = () => ({ store, zone: 'UTC', costMode: 'auto' as const, activeWindowMs: 5 * 60_000, adapters: [] });
  /** The dashboard as the app draws it once the block read beside it has ended. */
  const dashboardAt = async (at: Date) => loadDashboard(rt(), at, await activeBillingBlock(store, at));
  beforeAll(async () => {
    ({ store, dispose } = await fixtureStore([
      {
        agentType: 'claude-code',
        id: 'old',
        firstAt: m(26 * 60),
        lastAt: m(25 * 60),
        projectPath: '/w/api',
        requests: [req(25 * 60, 'claude-sonnet-4-5', 400_000_000n)],
      },
      {
        agentType: 'claude-code',
        id: 'a',
        firstAt: m(125),
        lastAt: m(90),
        projectPath: '/w/app',
        requests: [req(120, 'claude-opus-4-6', 300_000_000n), req(90, 'claude-sonnet-4-5', 100_000_000n)],
      },
      {
        agentType: 'claude-code',
        id: 'b',
        firstAt: m(25),
        lastAt: m(1),
        projectPath: '/w/api',
        requests: [req(20, 'claude-opus-4-6', 500_000_000n)],
      },
    ]));
    await store.budgets.save({
      name: 'daily',
      amountNanos: 1_000_000_000n,
      period: 'day',
      hard: false,
      agentType: null,
      project: null,
      model: null,
    });
  });
  afterAll(async () => dispose());

  it('finds the running 5-hour block as a fold of the whole history does', async () => {
    const d = await dashboardAt(now);
    const full = billingBlocksOfSlots(await store.usage.slots({ agentTypes: ['claude-code'] }), { now }).find(
      (b) => b.isActive,
    )!;
    expect(d.block?.start).toEqual(new Date('2026-11-25T12:00:00.000Z'));
    expect(d.block?.start).toEqual(full.start);
    expect(selectCostNanos(d.block!, 'auto')).toBe(900_000_000n);
    expect(selectCostNanos(full, 'auto')).toBe(900_000_000n);
  });

  it('shows the block (cost, burn rate, projection, time left), budgets past 80 %, top projects, models and active sessions', async () => {
    const lines = dashboardLines(await dashboardAt(now), {
      width: 100,
      height: 30,
      costMode: 'auto',
      activeWindowMs: 5 * 60_000,
    });
    const text = lines.join('\n');
    expect(lines.every((l) => [...l].length === 100)).toBe(true);
    expect(lines[0]).toMatch(
      /^Today \$0\.9000 · 2 sessions · 3K tok │ 7 days \$1\.30 · 3 sessions · 4K tok │ ● 1 active/,
    );
    // Spent $0.90 of $1.00 today: past 80 %.
    expect(lines[1]).toMatch(/^▲ budget "daily" passed 80%: \$0\.9000 of \$1\.00 today \(90%/);
    expect(text).toMatch(/12:00 → 17:00 · 2h 30m left/);
    expect(text).toMatch(/cost {2}\$0\.9000 [█▏▎▍▌▋▊▉░]+ +50%/);
    // $0.90 and 3K tokens between the first request (12:30) and the last (14:10): $0.54 an hour, 30 a minute.
    expect(text).toMatch(/burn {2}\$0\.5400\/h · 30 tok\/min/);
    // At that rate until 17:00: 0.90 + 0.54 × 2.5 = $2.25, and 3K + 30 × 150 = 7.5K tokens.
    expect(text).toMatch(/proj {2}\$2\.25 · 7\.5K tok by 17:00/);
    const row = (name: string) => lines.find((l) => new RegExp(`│ ${name} +\\$`).test(l))!;
    expect(row('api')).toMatch(/api +\$0\.9000 [█▏▎▍▌▋▊▉░]+ +69%/);
    expect(row('app')).toMatch(/app +\$0\.4000 [█▏▎▍▌▋▊▉░]+ +31%/);
    expect(text.indexOf('│ api')).toBeLessThan(text.indexOf('│ app'));
    expect(text).toMatch(/claude-opus-4-6 +\$0\.8000/);
    expect(text).toMatch(/Active sessions · 1 of 3 sessions/);
    expect(lines.find((l) => l.includes('● ⟁ claude-code'))).toMatch(/api +24m 00s +1K +\$0\.5000/);
    // A taller terminal: a taller top row, with more about the block.
    const tall = dashboardLines(await dashboardAt(now), {
      width: 100,
      height: 44,
      costMode: 'auto',
      activeWindowMs: 5 * 60_000,
    }).join('\n');
    expect(tall).toMatch(/used {2}3K tok · 3 requests/);
    expect(tall).toMatch(/from {2}12:30 to 14:10/);
    expect(tall).toMatch(/model claude-opus-4-6[^]*claude-sonnet-4-5/);
  });

  it('draws before the block is read, saying it is being read', async () => {
    const lines = dashboardLines(await loadDashboard(rt(), now), {
      width: 100,
      height: 30,
      costMode: 'auto',
      activeWindowMs: 5 * 60_000,
    }).join('\n');
    expect(lines).toContain('Reading the block…');
    expect(lines).toContain('Top projects');
  });

  it('fits 80×22 with every panel, and says when no block runs', async () => {
    const d = await dashboardAt(new Date('2026-11-26T09:00:00.000Z'));
    const lines = dashboardLines(d, { width: 80, height: 22, costMode: 'auto', activeWindowMs: 5 * 60_000 });
    expect(lines.every((l) => [...l].length === 80)).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(22);
    const text = lines.join('\n');
    for (const title of ['5h block', 'Cost · last 7 days', 'Top projects', 'Models', 'Active sessions', 'Agents'])
      expect(text).toContain(title);
    expect(text).toContain('No block running.');
    expect(text).toContain('No session active in the last 5 minutes.');
  });
});
