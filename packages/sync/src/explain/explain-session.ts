import {
  addTokens,
  computeCostNanos,
  noteReplayOriginal,
  ZERO_TOKENS,
  type AdapterContext,
  type AgentAdapter,
  type ReplayOriginals,
  type StoredSession,
  type TokenCounts,
  type UsageEvent,
} from '@rimuru/core';
import type { SessionStore, StreamedUsageRecord } from '@rimuru/db';
import type { ExplainPriceResolver } from './explain-prices.js';
import { dropRuleOf, type DropRule } from './explain-rules.js';
import { rereadSources, sourcesOfSession, type ReadSource } from './explain-sources.js';

export interface ExplainSessionOptions {
  store: SessionStore;
  /** The adapter of the session's agent type; null when none is installed (sources cannot be re-read). */
  adapter: AgentAdapter | null;
  ctx: AdapterContext;
  session: StoredSession;
  prices: ExplainPriceResolver;
  /** The zone dates are shown in (reported back so a reader knows which calendar was used). */
  zone: string;
}

/** A counted record (a winner): stored, and where it was read. */
interface CountedRecord {
  record: StreamedUsageRecord;
  /** Whether the re-read found this exact copy at its recorded path and line. */
  reread: 'found' | 'source-gone' | 'not-found';
}

/** A copy read from the session's sources that is not counted, and why. */
interface DroppedCopy {
  path: string;
  line: number | null;
  dedupeKey: string;
  occurredAt: string;
  model: string | null;
  tokens: TokenCounts;
  rule: DropRule;
  /** The copy counted instead, when there is one (possibly in another session). */
  keptInstead: { sessionExternalId: string; sourcePath: string | null; sourceLine: number | null } | null;
}

/** The price applied to a model's counted records. */
interface AppliedPrice {
  model: string;
  requestCount: number;
  tokens: TokenCounts;
  priceKey: string | null;
  validFrom: Date | null;
  source: string | null;
  /** Stored calculated cost of these records, and the same records priced again now. */
  storedCostNanos: bigint;
  recomputedCostNanos: bigint | null;
  unpricedReason: 'no-model' | 'unknown' | 'ambiguous' | null;
}

export interface SessionExplanation {
  session: StoredSession;
  zone: string;
  sources: Omit<ReadSource, 'usage'>[];
  counted: CountedRecord[];
  dropped: DroppedCopy[];
  prices: AppliedPrice[];
  /** Σ of counted records; equals the session's totals when the roll-up is exact. */
  countedTotals: {
    tokens: TokenCounts;
    requestCount: number;
    calculatedCostNanos: bigint;
    recordedCostNanos: bigint | null;
    autoCostNanos: bigint;
  };
  /** True when the counted records sum exactly to the stored session totals. */
  accountsForTotals: boolean;
}

const copyId = (path: string | null, line: number | null, dedupeKey: string) =>
  `${path ?? ''}\u0000${line ?? ''}\u0000${dedupeKey}`;

async function countedRecords(store: SessionStore, session: StoredSession): Promise<StreamedUsageRecord[]> {
  const out: StreamedUsageRecord[] = [];
  for await (const r of store.usage.stream({ sessionIds: [session.id] })) out.push(r);
  return out;
}

function sumCounted(records: readonly StreamedUsageRecord[]): SessionExplanation['countedTotals'] {
  let tokens: TokenCounts = { ...ZERO_TOKENS };
  let calculated = 0n;
  let recorded: bigint | null = null;
  let auto = 0n;
  for (const r of records) {
    tokens = addTokens(tokens, r.tokens);
    calculated += r.calculatedCostNanos;
    auto += r.autoCostNanos;
    if (r.recordedCostNanos !== null) recorded = (recorded ?? 0n) + r.recordedCostNanos;
  }
  return {
    tokens,
    requestCount: records.length,
    calculatedCostNanos: calculated,
    recordedCostNanos: recorded,
    autoCostNanos: auto,
  };
}

function sameTotals(session: StoredSession, t: SessionExplanation['countedTotals']): boolean {
  const s = session.tokens ?? ZERO_TOKENS;
  const keys: (keyof TokenCounts)[] = ['input', 'output', 'cacheRead', 'cacheWrite5m', 'cacheWrite1h', 'reasoning'];
  return (
    keys.every((k) => s[k] === t.tokens[k]) &&
    session.requestCount === t.requestCount &&
    session.calculatedCostNanos === t.calculatedCostNanos &&
    session.recordedCostNanos === t.recordedCostNanos &&
    session.autoCostNanos === t.autoCostNanos
  );
}

function appliedPrices(records: readonly StreamedUsageRecord[], resolve: ExplainPriceResolver): AppliedPrice[] {
  const byModel = new Map<string, AppliedPrice>();
  for (const r of records) {
    const model = r.model ?? '';
    const hit = r.model === null ? null : resolve(r.model, r.occurredAt);
    const groupKey = `${model}\u0000${hit?.key ?? ''}\u0000${hit?.key ? (hit.validFrom?.toISOString() ?? '') : ''}`;
    let entry = byModel.get(groupKey);
    if (entry === undefined) {
      entry = {
        model: r.model ?? '(none recorded)',
        requestCount: 0,
        tokens: { ...ZERO_TOKENS },
        priceKey: hit?.key ?? null,
        validFrom: hit?.key ? hit.validFrom : null,
        source: hit?.key ? hit.source : null,
        storedCostNanos: 0n,
        recomputedCostNanos: hit?.key ? 0n : null,
        unpricedReason: hit === null ? 'no-model' : hit.key === null ? hit.reason : null,
      };
      byModel.set(groupKey, entry);
    }
    entry.requestCount += 1;
    entry.tokens = addTokens(entry.tokens, r.tokens);
    entry.storedCostNanos += r.calculatedCostNanos;
    if (hit?.key && entry.recomputedCostNanos !== null) {
      entry.recomputedCostNanos += computeCostNanos(r.tokens, hit.price, {
        speed: r.speed,
        requestCount: r.requestCount,
      });
    }
  }
  return [...byModel.values()].sort((a, b) => a.model.localeCompare(b.model));
}

/**
 * Explains every number of one session: the sources read (re-read now through the adapter from
 * their first byte), the records counted (from the store, each matched to its line), every
 * other copy found and the store rule that dropped it, and the prices applied.
 */
export async function explainSession(options: ExplainSessionOptions): Promise<SessionExplanation> {
  const { store, session, adapter, ctx } = options;
  const counted = await countedRecords(store, session);
  const sourceMap = await sourcesOfSession(store, session, counted);
  const sources = adapter === null ? [] : await rereadSources(adapter, ctx, session, sourceMap);

  const copies: (UsageEvent & { path: string; sessionId: string; occurredAtDate: Date })[] = [];
  for (const s of sources) {
    for (const u of s.usage)
      copies.push({ ...u, path: s.path, sessionId: session.id, occurredAtDate: new Date(u.occurredAt) });
  }
  const storedByKey = new Map(
    (
      await store.usage.find(session.agentType, {
        dedupeKeys: copies.map((c) => c.dedupeKey),
        replayKeys: copies.filter((c) => c.isReplayCopy && c.replayKey !== null).map((c) => c.replayKey as string),
      })
    ).map((r) => [r.dedupeKey, r] as const),
  );
  // Originals known to the store or seen in the re-read: the replay rule's evidence.
  const originals: ReplayOriginals = new Map();
  for (const r of storedByKey.values()) noteReplayOriginal(originals, r);
  for (const c of copies) noteReplayOriginal(originals, c);

  const countedIds = new Set(counted.map((r) => copyId(r.sourcePath, r.sourceLine, r.dedupeKey)));
  const foundIds = new Set<string>();
  const dropped: DroppedCopy[] = [];
  for (const c of copies) {
    const id = copyId(c.path, c.line, c.dedupeKey);
    const stored = storedByKey.get(c.dedupeKey);
    const isStoredCopy = countedIds.has(id) && !foundIds.has(id);
    const rule = dropRuleOf({ ...c, occurredAt: c.occurredAtDate }, stored, originals, isStoredCopy);
    if (rule === null) {
      foundIds.add(id);
      continue;
    }
    const winner = rule === 'replay:original-exists' ? undefined : stored;
    dropped.push({
      path: c.path,
      line: c.line,
      dedupeKey: c.dedupeKey,
      occurredAt: c.occurredAt,
      model: c.model,
      tokens: c.tokens,
      rule,
      keptInstead:
        winner === undefined
          ? null
          : {
              sessionExternalId: winner.sessionExternalId,
              sourcePath: winner.sourcePath,
              sourceLine: winner.sourceLine,
            },
    });
  }
  const onDisk = new Set(sources.filter((s) => s.onDisk).map((s) => s.path));
  const countedOut: CountedRecord[] = counted.map((record) => ({
    record,
    reread:
      record.sourcePath === null || !onDisk.has(record.sourcePath)
        ? 'source-gone'
        : foundIds.has(copyId(record.sourcePath, record.sourceLine, record.dedupeKey))
          ? 'found'
          : 'not-found',
  }));
  const countedTotals = sumCounted(counted);
  return {
    session,
    zone: options.zone,
    sources: sources.map(({ usage: _usage, ...rest }) => rest),
    counted: countedOut,
    dropped,
    prices: appliedPrices(counted, options.prices),
    countedTotals,
    accountsForTotals: sameTotals(session, countedTotals),
  };
}
