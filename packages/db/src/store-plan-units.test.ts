import { expect, it } from 'vitest';
import { describeBackends } from './__test__/backends.js';
import { at, batch, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';
import { openStore } from './open-store.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describeBackends('plan units of usage records on $name', (backend) => {
  const h = useTestStore(backend);

  /** Two Copilot runs that carried premium requests and AI credits, one that carried none, and a Claude request. */
  async function seed(): Promise<void> {
    await h.store.ingest(
      batch({
        agentType: 'copilot',
        usage: [
          // Copilot writes three 0.33× requests as 0.9900000000000001: stored exactly as 990 000 millionths.
          usage({
            dedupeKey: 'run-1',
            model: 'claude-haiku-4.5',
            premiumRequests: 0.9900000000000001,
            nanoAiu: 1_250_000_000,
          }),
          usage({
            dedupeKey: 'run-2',
            model: 'claude-sonnet-4.5',
            occurredAt: at(20),
            premiumRequests: 14,
            nanoAiu: 2_000_000_001,
          }),
          usage({ dedupeKey: 'run-3', model: 'gpt-4.1', occurredAt: at(40) }),
        ],
      }),
    );
    await h.store.ingest(
      batch({
        usage: [usage({ dedupeKey: 'claude-1', sessionExternalId: 'sess-c' })],
        checkpoint: { ...batch().checkpoint, path: '/logs/c.jsonl' },
      }),
    );
  }

  it('stores them per record, exactly, and every reader returns them', async () => {
    await seed();
    const copilot = (await h.store.sessions.list({ agentTypes: ['copilot'] }))[0]!;
    expect((await h.store.usage.ofSession(copilot.id)).map((r) => [r.premiumRequestMicros, r.nanoAiu])).toEqual([
      [990_000n, 1_250_000_000n],
      [14_000_000n, 2_000_000_001n],
      [null, null],
    ]);
    expect(
      (await collect(h.store.usage.stream({ agentTypes: ['copilot'] }))).map((r) => r.premiumRequestMicros),
    ).toEqual([990_000n, 14_000_000n, null]);
    const pushed = await h.store.replication.changesSince(null, 10);
    expect(
      pushed.usage.filter((u) => u.agentType === 'copilot').map((u) => [u.premiumRequestMicros, u.nanoAiu]),
    ).toEqual([
      [990_000n, 1_250_000_000n],
      [14_000_000n, 2_000_000_001n],
      [null, null],
    ]);
    // Team push keeps them exact.
    const other = await backend.create();
    const server = await openStore(other.target);
    try {
      await server.replication.apply(pushed);
      const copied = (await collect(server.usage.stream({ agentTypes: ['copilot'] }))).map((r) => [
        r.premiumRequestMicros,
        r.nanoAiu,
      ]);
      expect(copied).toEqual([
        [990_000n, 1_250_000_000n],
        [14_000_000n, 2_000_000_001n],
        [null, null],
      ]);
    } finally {
      await server.close();
      await other.cleanup();
    }
  });

  it('sums them in cost breakdowns and report slots, and leaves groups without any without', async () => {
    await seed();
    const byAgent = await h.store.usage.breakdown({ groupBy: 'agentType' });
    expect(byAgent.map((g) => [g.group, g.premiumRequestMicros ?? null, g.nanoAiu ?? null])).toEqual([
      ['claude-code', null, null],
      ['copilot', 14_990_000n, 3_250_000_001n],
    ]);
    const byModel = await h.store.usage.breakdown({ groupBy: 'model', agentTypes: ['copilot'] });
    expect(byModel.map((g) => [g.group, g.premiumRequestMicros ?? null])).toEqual([
      ['claude-haiku-4.5', 990_000n],
      ['claude-sonnet-4.5', 14_000_000n],
      ['gpt-4.1', null],
    ]);
    const slots = await h.store.usage.slots({});
    const sum = (key: 'premiumRequestMicros' | 'nanoAiu') => slots.reduce((s, x) => s + (x[key] ?? 0n), 0n);
    expect([sum('premiumRequestMicros'), sum('nanoAiu')]).toEqual([14_990_000n, 3_250_000_001n]);
    expect(
      slots.filter((x) => x.agentType === 'claude-code').every((x) => (x.premiumRequestMicros ?? null) === null),
    ).toBe(true);
  });
});
