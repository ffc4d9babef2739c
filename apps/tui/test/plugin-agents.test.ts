import type { AgentAdapter } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';
import { builtinAdapters } from '@rimuru/app-runtime/builtin-adapters';
import { createAdapterContext } from '@rimuru/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentTypesInStore } from '../src/data/agent-types-in-store.js';
import { loadAgents } from '../src/data/agents-data.js';
import { loadCosts } from '../src/data/costs-data.js';
import { loadDashboard } from '../src/data/dashboard-data.js';
import { dashboardLines } from '../src/view-models/dashboard-view.js';
import { fixtureStore } from './store-fixture.js';

const now = new Date('2026-11-25T14:30:00.000Z');
const h = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

/** A registered plugin adapter that has read nothing yet. */
const zeta: AgentAdapter = {
  id: 'zeta-agent',
  label: 'Zeta',
  detect: () => Promise.resolve(false),
  roots: () => Promise.resolve(['/nowhere/zeta']),
  discover: () => Promise.resolve([]),
  read: async function* () {},
};

describe('plugin agents are listed wherever agents are', () => {
  let store: SessionStore;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await fixtureStore([
      {
        agentType: 'acme-agent',
        id: 'acme-1',
        firstAt: h(5),
        lastAt: h(4),
        requests: [{ at: h(4), model: 'acme-1', input: 2_000, costNanos: 5_000_000n }],
      },
      {
        agentType: 'claude-code',
        id: 'cc-1',
        firstAt: h(3),
        lastAt: h(2),
        requests: [{ at: h(2), model: 'claude-sonnet-4-5', input: 1_000, costNanos: 3_000_000n }],
      },
    ]));
  });
  afterAll(async () => dispose());

  it('the types offered are those of the store and of registered plugins, by name', async () => {
    expect(await agentTypesInStore(store)).toEqual(['acme-agent', 'claude-code']);
    expect(await agentTypesInStore(store, [{ id: 'zeta-agent' }, { id: 'codex' }])).toEqual([
      'acme-agent',
      'claude-code',
      'zeta-agent',
    ]);
  });

  it('the dashboard chart and the Costs view list the plugin agent with its usage', async () => {
    const rt = { store, zone: 'UTC', costMode: 'auto' as const, activeWindowMs: 300_000, adapters: [zeta] };
    const lines = dashboardLines(await loadDashboard(rt, now), {
      width: 100,
      height: 40,
      costMode: 'auto',
      activeWindowMs: 300_000,
    });
    expect(lines.find((l) => l.includes('acme-agent') && l.includes('│') && l.includes('·'))).toMatch(
      /2K · \$0\.0050 +│$/,
    );
    expect(lines.find((l) => l.includes('zeta-agent'))).toMatch(/0 · \$0\.00 +│$/);
    // The model and project of the plugin's usage rank among the others.
    expect(lines.some((l) => /acme-1 +\$0\.0050/.test(l))).toBe(true);
    const costs = await loadCosts(rt, 'today', now);
    expect(costs.byAgent.map((a) => [a.name, a.costNanos])).toEqual([
      ['acme-agent', 5_000_000n],
      ['claude-code', 3_000_000n],
      ['zeta-agent', 0n],
    ]);
  });

  it('the Agents view lists plugin adapters and types only the store knows', async () => {
    const agents = await loadAgents({
      store,
      ctx: createAdapterContext({ env: { HOME: '/nowhere' }, homeDir: '/nowhere' }),
      adapters: [zeta],
    });
    expect(agents.map((a) => [a.type, a.origin, a.sessionCount, a.roots])).toEqual([
      ['zeta-agent', 'plugin', 0, ['/nowhere/zeta']],
      ['acme-agent', 'store', 1, []],
      ['claude-code', 'store', 1, []],
    ]);
    // The built-ins: with no folder on this (fake) home, each still names where it looked.
    const withBuiltins = await loadAgents({
      store,
      ctx: createAdapterContext({ env: { HOME: '/nowhere' }, homeDir: '/nowhere' }),
      adapters: [...builtinAdapters(), zeta],
    });
    const claude = withBuiltins.find((a) => a.type === 'claude-code')!;
    expect([claude.origin, claude.roots, claude.lookedIn]).toEqual([
      'builtin',
      [],
      ['/nowhere/.config/claude/projects', '/nowhere/.claude/projects'],
    ]);
    expect(withBuiltins.filter((a) => a.origin === 'builtin').every((a) => a.lookedIn.length > 0)).toBe(true);
  });
});
