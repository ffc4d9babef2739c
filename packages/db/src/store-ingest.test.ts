import { expect, it } from 'vitest';
import { sessionRowId } from './ids.js';
import { describeBackends } from './__test__/backends.js';
import { activity, at, batch, tokens, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';

describeBackends('ingest on $name', (backend) => {
  const h = useTestStore(backend);
  const one = async (externalId: string) => {
    const [s] = await h.store.sessions.find(externalId);
    if (s === undefined) throw new Error(`no session ${externalId}`);
    return s;
  };

  it('creates agent, session and records; the session id is the UUIDv5 of type and external id', async () => {
    const result = await h.store.ingest(
      batch({ usage: [usage({ dedupeKey: 'k1' })], activity: [activity({ sessionExternalId: 'sess-a' })] }),
    );
    expect(result).toEqual({
      usageInserted: 1,
      usageReplaced: 0,
      usageIgnored: 0,
      replaysDropped: 0,
      sessionsTouched: 1,
    });
    const s = await one('sess-a');
    expect(s.id).toBe(sessionRowId('claude-code', 'sess-a'));
    expect(s.agentName).toBe('claude-code-default');
    expect(s.host).toBe('host-1');
    expect(s.requestCount).toBe(1);
    expect(s.tokens).toEqual(tokens({ input: 10, output: 5 }));
  });

  it('dedupe keeps the larger rank, across batches and within one', async () => {
    await h.store.ingest(batch({ usage: [usage({ dedupeKey: 'k1', rank: 1, tokens: tokens({ output: 1 }) })] }));
    const r = await h.store.ingest(
      batch({
        usage: [
          usage({ dedupeKey: 'k1', rank: 3, tokens: tokens({ output: 30 }) }),
          usage({ dedupeKey: 'k1', rank: 2, tokens: tokens({ output: 20 }) }),
        ],
      }),
    );
    expect(r).toMatchObject({ usageInserted: 0, usageReplaced: 1, usageIgnored: 1 });
    expect((await one('sess-a')).tokens?.output).toBe(30);
    const lower = await h.store.ingest(
      batch({ usage: [usage({ dedupeKey: 'k1', rank: 2, tokens: tokens({ output: 99 }) })] }),
    );
    expect(lower).toMatchObject({ usageReplaced: 0, usageIgnored: 1 });
    expect((await one('sess-a')).tokens?.output).toBe(30);
  });

  it('on equal ranks the first copy stays (stored or earlier in the batch)', async () => {
    await h.store.ingest(
      batch({
        usage: [
          usage({ dedupeKey: 'k1', rank: 5, tokens: tokens({ output: 1 }) }),
          usage({ dedupeKey: 'k1', rank: 5, tokens: tokens({ output: 2 }) }),
        ],
      }),
    );
    expect((await one('sess-a')).tokens?.output).toBe(1);
    await h.store.ingest(batch({ usage: [usage({ dedupeKey: 'k1', rank: 5, tokens: tokens({ output: 3 }) })] }));
    expect((await one('sess-a')).tokens?.output).toBe(1);
  });

  it('on equal ranks the earlier copy wins, whichever file was read first (forks repeat a message later)', async () => {
    const original = usage({ dedupeKey: 'k1', rank: 5, sessionExternalId: 'sess-original', occurredAt: at(0) });
    const fork = usage({ dedupeKey: 'k1', rank: 5, sessionExternalId: 'sess-fork', occurredAt: at(60) });
    await h.store.ingest(batch({ usage: [fork] }));
    const r = await h.store.ingest(batch({ usage: [original] }));
    expect(r).toMatchObject({ usageReplaced: 1 });
    expect((await one('sess-original')).requestCount).toBe(1);
    expect((await one('sess-fork')).requestCount).toBe(0);
    // The other order gives the same owner.
    await h.store.ingest(batch({ usage: [fork] }));
    expect((await one('sess-original')).requestCount).toBe(1);
  });

  it('a replacement that moves a record to another session updates both sessions', async () => {
    await h.store.ingest(
      batch({
        usage: [
          usage({ dedupeKey: 'k1', sessionExternalId: 'sess-a', rank: 1 }, { calculatedCostNanos: 700n }),
          usage({ dedupeKey: 'k2', sessionExternalId: 'sess-a', rank: 1 }, { calculatedCostNanos: 300n }),
        ],
      }),
    );
    expect((await one('sess-a')).calculatedCostNanos).toBe(1_000n);
    const r = await h.store.ingest(
      batch({
        usage: [usage({ dedupeKey: 'k1', sessionExternalId: 'sess-b', rank: 2 }, { calculatedCostNanos: 900n })],
      }),
    );
    expect(r).toMatchObject({ usageReplaced: 1, sessionsTouched: 2 });
    const a = await one('sess-a');
    const b = await one('sess-b');
    expect([a.requestCount, a.calculatedCostNanos, a.tokens?.input]).toEqual([1, 300n, 10]);
    expect([b.requestCount, b.calculatedCostNanos, b.autoCostNanos]).toEqual([1, 900n, 900n]);
  });

  it.each(['replay first', 'original first'])('drops replay copies when the original exists (%s)', async (order) => {
    const original = usage({ dedupeKey: 'msg-1:req-1', replayKey: 'msg-1', isReplayCopy: false });
    const replay = usage({
      dedupeKey: 'msg-1:req-1:sidechain',
      replayKey: 'msg-1',
      isReplayCopy: true,
      occurredAt: at(5),
    });
    const first = order === 'replay first' ? replay : original;
    const second = order === 'replay first' ? original : replay;
    await h.store.ingest(batch({ usage: [first] }));
    const r = await h.store.ingest(batch({ usage: [second] }));
    expect(r.replaysDropped).toBe(1);
    const s = await one('sess-a');
    expect(s.requestCount).toBe(1);
    expect((await h.store.usage.totals({})).requestCount).toBe(1);
    // A replay copy without an original is kept.
    await h.store.ingest(batch({ usage: [usage({ dedupeKey: 'lonely', replayKey: 'msg-2', isReplayCopy: true })] }));
    expect((await h.store.usage.totals({})).requestCount).toBe(2);
  });

  it('a replay copy whose original is known is never stored and creates no session', async () => {
    await h.store.ingest(batch({ usage: [usage({ dedupeKey: 'orig', replayKey: 'm1' })] }));
    const r = await h.store.ingest(
      batch({
        usage: [usage({ dedupeKey: 'copy', replayKey: 'm1', isReplayCopy: true, sessionExternalId: 'sidechain' })],
      }),
    );
    expect(r).toEqual({ usageInserted: 0, usageReplaced: 0, usageIgnored: 0, replaysDropped: 1, sessionsTouched: 0 });
    expect(await h.store.sessions.find('sidechain')).toEqual([]);
  });

  it('re-ingesting the same batch changes nothing', async () => {
    const b = batch({
      usage: [
        usage({ dedupeKey: 'k1', replayKey: 'r1' }),
        usage({ dedupeKey: 'k1-replay', replayKey: 'r1', isReplayCopy: true }),
        usage({ dedupeKey: 'k2', sessionExternalId: 'sess-b', occurredAt: at(3, 456) }),
      ],
      activity: [activity({ sessionExternalId: 'sess-a', projectPath: '/p' })],
    });
    await h.store.ingest(b);
    const before = { sessions: await h.store.sessions.list({}), totals: await h.store.usage.totals({}) };
    h.clock.now = new Date('2025-07-01T00:00:00.000Z');
    const again = await h.store.ingest(b);
    expect(again).toEqual({
      usageInserted: 0,
      usageReplaced: 0,
      usageIgnored: 2,
      replaysDropped: 1,
      sessionsTouched: 0,
    });
    expect(await h.store.sessions.list({})).toEqual(before.sessions);
    expect(await h.store.usage.totals({})).toEqual(before.totals);
  });

  it('merges activity: earliest start, latest end, first non-null project/parent/title, tokens known wins', async () => {
    await h.store.ingest(
      batch({ activity: [activity({ sessionExternalId: 's', firstAt: at(10), lastAt: at(20), tokensKnown: false })] }),
    );
    expect((await one('s')).tokens).toBeNull();
    await h.store.ingest(
      batch({
        activity: [
          activity({
            sessionExternalId: 's',
            firstAt: at(5),
            lastAt: at(15),
            projectPath: '/first',
            title: 'T',
            tokensKnown: false,
          }),
          activity({
            sessionExternalId: 's',
            firstAt: at(12),
            lastAt: at(30),
            projectPath: '/second',
            parentExternalId: 'p',
          }),
        ],
      }),
    );
    await h.store.ingest(
      batch({
        activity: [activity({ sessionExternalId: 's', firstAt: at(11), lastAt: at(12), projectPath: '/third' })],
      }),
    );
    const s = await one('s');
    expect(s.startedAt.toISOString()).toBe(at(5));
    expect(s.endedAt.toISOString()).toBe(at(30));
    expect([s.projectPath, s.title, s.parentExternalId]).toEqual(['/first', 'T', 'p']);
    expect(s.tokens).toEqual(tokens());
  });

  it('creates a session from usage alone and widens start/end to cover usage instants', async () => {
    await h.store.ingest(
      batch({ usage: [usage({ dedupeKey: 'k1', sessionExternalId: 'u', occurredAt: at(7, 123) })] }),
    );
    let s = await one('u');
    expect([s.startedAt.toISOString(), s.endedAt.toISOString()]).toEqual([at(7, 123), at(7, 123)]);
    await h.store.ingest(
      batch({
        usage: [usage({ dedupeKey: 'k2', sessionExternalId: 'u', occurredAt: at(40) })],
        activity: [activity({ sessionExternalId: 'u', firstAt: at(8), lastAt: at(9) })],
      }),
    );
    s = await one('u');
    expect([s.startedAt.toISOString(), s.endedAt.toISOString()]).toEqual([at(7, 123), at(40)]);
  });

  it('rolls up exactly: bigint money past 2^53, per-class tokens, models and the main model', async () => {
    const big = 4_503_599_627_370_497n; // 2^52 + 1: two of them exceed 2^53
    await h.store.ingest(
      batch({
        usage: [
          usage(
            {
              dedupeKey: 'a',
              model: 'zeta',
              tokens: tokens({ input: 100, output: 50, cacheRead: 7, cacheWrite5m: 3, cacheWrite1h: 2, reasoning: 9 }),
            },
            { calculatedCostNanos: big },
          ),
          usage(
            { dedupeKey: 'b', model: 'alpha', tokens: tokens({ input: 162 }) },
            { calculatedCostNanos: big, recordedCostNanos: 5n },
          ),
          usage({ dedupeKey: 'c', model: '<synthetic>', tokens: tokens({ input: 1000 }) }, { calculatedCostNanos: 0n }),
          usage(
            { dedupeKey: 'd', model: null, tokens: tokens({ output: 1 }) },
            { calculatedCostNanos: 0n, priced: false },
          ),
        ],
      }),
    );
    const s = await one('sess-a');
    expect(s.tokens).toEqual({ input: 1262, output: 51, cacheRead: 7, cacheWrite5m: 3, cacheWrite1h: 2, reasoning: 9 });
    expect(s.calculatedCostNanos).toBe(9_007_199_254_740_994n);
    expect(s.recordedCostNanos).toBe(5n);
    expect(s.autoCostNanos).toBe(big + 5n);
    expect([s.requestCount, s.unpricedRequestCount]).toEqual([4, 1]);
    expect(s.models).toEqual(['alpha', 'zeta']);
    // zeta and alpha both have 162 tokens: the tie goes to the alphabetically first.
    expect(s.model).toBe('alpha');
    expect(s.recordedCostNanos).not.toBeNull();
  });

  it('accumulates diagnostics and round-trips the checkpoint with JSON state', async () => {
    const state = { lastTotal: { input: 12, output: 3 }, ids: ['a', 'b'], ok: true, none: null, pi: 3.25 };
    const b = batch({ diagnosticCount: 2 });
    await h.store.ingest({ ...b, checkpoint: { ...b.checkpoint, state, offset: 4096, size: 5000 } });
    await h.store.ingest({ ...b, diagnosticCount: 3, checkpoint: { ...b.checkpoint, state: null, offset: 5000 } });
    const cp = await h.store.sources.checkpoint('claude-code', '/logs/a.jsonl');
    expect(cp).toEqual({ ...b.checkpoint, state: null, offset: 5000, diagnosticCount: 5, updatedAt: h.clock.now });
    await h.store.ingest({ ...b, diagnosticCount: 0, checkpoint: { ...b.checkpoint, state } });
    expect((await h.store.sources.checkpoint('claude-code', '/logs/a.jsonl'))?.state).toEqual(state);
    expect(await h.store.sources.checkpoint('claude-code', '/logs/other.jsonl')).toBeNull();
    expect((await h.store.sources.checkpoints('claude-code')).map((c) => c.path)).toEqual(['/logs/a.jsonl']);
    expect(await h.store.sources.checkpoints('codex')).toEqual([]);
  });

  it('ingestMany applies batches in order in one transaction, with the figures of one-by-one ingests', async () => {
    const fileA = batch({
      usage: [usage({ dedupeKey: 'k1', rank: 1, tokens: tokens({ output: 1 }) }), usage({ dedupeKey: 'k2' })],
      activity: [activity({ sessionExternalId: 'sess-a' })],
    });
    const fileB = batch({
      checkpoint: { ...fileA.checkpoint, path: '/logs/b.jsonl' },
      // A later, larger copy of k1 from another file: replaces the first within the same transaction.
      usage: [
        usage({ dedupeKey: 'k1', rank: 3, tokens: tokens({ output: 30 }) }),
        usage({ dedupeKey: 'k3', sessionExternalId: 'sess-b' }),
      ],
    });
    const results = await h.store.ingestMany([fileA, fileB]);
    expect(results).toEqual([
      { usageInserted: 2, usageReplaced: 0, usageIgnored: 0, replaysDropped: 0, sessionsTouched: 1 },
      { usageInserted: 1, usageReplaced: 1, usageIgnored: 0, replaysDropped: 0, sessionsTouched: 2 },
    ]);
    expect((await one('sess-a')).tokens?.output).toBe(35);
    expect((await one('sess-a')).requestCount).toBe(2);
    expect((await one('sess-b')).requestCount).toBe(1);
    expect((await h.store.sources.checkpoints('claude-code')).map((c) => c.path)).toEqual([
      '/logs/a.jsonl',
      '/logs/b.jsonl',
    ]);
    // Again: nothing new, nothing changed.
    const again = await h.store.ingestMany([fileA, fileB]);
    expect(again.map((r) => r.usageInserted + r.usageReplaced)).toEqual([0, 0]);
  });

  it('ingestMany is all or nothing: a bad batch leaves no trace of the good ones before it', async () => {
    const good = batch({ usage: [usage({ dedupeKey: 'k1' })] });
    const bad = batch({
      checkpoint: { ...good.checkpoint, path: '/logs/bad.jsonl' },
      usage: [usage({ dedupeKey: 'k2', occurredAt: 'not a time' })],
    });
    await expect(h.store.ingestMany([good, bad])).rejects.toThrow(/Invalid usage instant/);
    expect(await h.store.sources.checkpoints('claude-code')).toEqual([]);
    expect(await h.store.sessions.find('sess-a')).toEqual([]);
    // The store is usable afterwards (the transaction was rolled back, not left open).
    await h.store.ingestMany([good]);
    expect((await one('sess-a')).requestCount).toBe(1);
  });
});
