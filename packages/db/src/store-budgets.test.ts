import type { BudgetSpec } from '@rimuru/core';
import { expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { describeBackends } from './__test__/backends.js';
import { activity, at, batch, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';
import { exportStore, importStore } from './store-export.js';

function spec(partial: Partial<BudgetSpec> = {}): BudgetSpec {
  return {
    name: 'team',
    amountNanos: 25_000_000_000n,
    period: 'month',
    agentType: null,
    project: null,
    model: null,
    hard: false,
    ...partial,
  };
}

describeBackends('budgets on $name', (backend) => {
  const h = useTestStore(backend);

  it('creates, reads back exactly, lists by name and removes', async () => {
    const created = await h.store.budgets.save(
      spec({ name: 'zeta', agentType: 'claude-code', project: '/p/api', model: 'opus', hard: true }),
    );
    expect(created.created).toBe(true);
    expect(created.budget).toEqual({
      ...spec({ name: 'zeta', agentType: 'claude-code', project: '/p/api', model: 'opus', hard: true }),
      createdAt: h.clock.now,
      updatedAt: h.clock.now,
    });
    await h.store.budgets.save(spec({ name: 'alpha', amountNanos: 1n, period: 'day' }));
    expect((await h.store.budgets.list()).map((b) => [b.name, b.amountNanos, b.period, b.hard])).toEqual([
      ['alpha', 1n, 'day', false],
      ['zeta', 25_000_000_000n, 'month', true],
    ]);
    expect(await h.store.budgets.get('zeta')).toEqual(created.budget);
    expect(await h.store.budgets.get('nope')).toBeNull();
    expect(await h.store.budgets.remove('zeta')).toBe(true);
    expect(await h.store.budgets.remove('zeta')).toBe(false);
    expect((await h.store.budgets.list()).map((b) => b.name)).toEqual(['alpha']);
  });

  it('replaces a budget of the same name whole, keeping its creation time', async () => {
    const first = await h.store.budgets.save(spec({ agentType: 'codex', model: 'gpt', hard: true }));
    h.clock.now = new Date('2025-06-02T08:30:00.123Z');
    const second = await h.store.budgets.save(spec({ amountNanos: 99n, period: 'week' }));
    expect(second.created).toBe(false);
    expect(second.budget).toEqual({
      ...spec({ amountNanos: 99n, period: 'week' }),
      createdAt: first.budget.createdAt,
      updatedAt: h.clock.now,
    });
    expect(await h.store.budgets.list()).toHaveLength(1);
  });

  it('keeps amounts beyond 2^53 nano-dollars exact', async () => {
    const amountNanos = 1_000_000_000n * 1_000_000_000n - 7n;
    await h.store.budgets.save(spec({ amountNanos }));
    expect((await h.store.budgets.get('team'))?.amountNanos).toBe(amountNanos);
  });

  it('survive an export and import into a fresh store', async () => {
    await h.store.budgets.save(spec({ name: 'carried', project: '/p/x', hard: true }));
    const lines: string[] = [];
    await exportStore(h.target.target, (line) => void lines.push(line));
    const other = await backend.create();
    try {
      await importStore(other.target, lines);
      const store = await openStore(other.target);
      try {
        expect(await store.budgets.list()).toEqual(await h.store.budgets.list());
      } finally {
        await store.close();
      }
    } finally {
      await other.cleanup();
    }
  });
});

describeBackends('usage totals by project and model on $name', (backend) => {
  const h = useTestStore(backend);

  /** Two sessions in two projects, three models; the range [at(10), at(40)) cuts the first session. */
  async function seed(): Promise<void> {
    await h.store.ingest(
      batch({
        activity: [
          activity({ sessionExternalId: 'api', firstAt: at(0), lastAt: at(30), projectPath: '/Work/API_server' }),
          activity({ sessionExternalId: 'web', firstAt: at(15), lastAt: at(35), projectPath: '/work/web%app' }),
        ],
        usage: [
          usage(
            { dedupeKey: 'a1', sessionExternalId: 'api', occurredAt: at(0), model: 'claude-opus-4-1-20250805' },
            { calculatedCostNanos: 1n },
          ),
          usage(
            { dedupeKey: 'a2', sessionExternalId: 'api', occurredAt: at(20), model: 'claude-opus-4-1-20250805' },
            { calculatedCostNanos: 10n },
          ),
          usage(
            { dedupeKey: 'a3', sessionExternalId: 'api', occurredAt: at(30), model: 'claude-sonnet-4-5' },
            { calculatedCostNanos: 100n, recordedCostNanos: 300n },
          ),
          usage(
            { dedupeKey: 'w1', sessionExternalId: 'web', occurredAt: at(15), model: 'CLAUDE-OPUS-4-1' },
            { calculatedCostNanos: 1_000n },
          ),
          usage(
            { dedupeKey: 'w2', sessionExternalId: 'web', occurredAt: at(35), model: null },
            { calculatedCostNanos: 10_000n },
          ),
        ],
      }),
    );
  }
  const range = { from: new Date(at(10)), to: new Date(at(40)) };
  const auto = async (q: Parameters<typeof h.store.usage.totals>[0]) => {
    const t = await h.store.usage.totals(q);
    return [t.autoCostNanos, t.requestCount];
  };

  it('filters by a project substring in any case, literally (% and _ are not wildcards)', async () => {
    await seed();
    expect(await auto({ ...range, project: 'api' })).toEqual([310n, 2]);
    expect(await auto({ ...range, project: 'WORK' })).toEqual([11_310n, 4]);
    expect(await auto({ ...range, project: 'web%app' })).toEqual([11_000n, 2]);
    expect(await auto({ ...range, project: 'web_app' })).toEqual([0n, 0]);
    expect(await auto({ project: 'api' })).toEqual([311n, 3]);
  });

  it('filters by a model substring in any case, within the range, with the other filters', async () => {
    await seed();
    expect(await auto({ ...range, model: 'opus-4-1' })).toEqual([1_010n, 2]);
    expect(await auto({ model: 'OPUS' })).toEqual([1_011n, 3]);
    expect(await auto({ ...range, model: 'opus', project: 'api' })).toEqual([10n, 1]);
    expect(await auto({ ...range, model: 'sonnet', agentTypes: ['codex'] })).toEqual([0n, 0]);
    expect(await auto({ ...range, model: 'sonnet', agentTypes: ['claude-code'] })).toEqual([300n, 1]);
  });
});
