import type { AgentType, UsageGroup } from '@rimuru/core';
import { KeyFilter } from './key-filter.js';
import type { StoredSessionRow } from './rollup-writer.js';
import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { UsageRow } from './usage-upsert.js';

/**
 * A runner that can tell whether the store changed other than through its own transactions
 * (SqliteRunner): another connection's commit changes `dataVersion()`, every write committed
 * through the runner itself adds one to `committedWrites`.
 */
export interface WriteCountingRunner extends SqlRunner {
  dataVersion(): string;
  readonly committedWrites: number;
}

function isWriteCounting(db: SqlRunner): db is WriteCountingRunner {
  return typeof (db as Partial<WriteCountingRunner>).dataVersion === 'function';
}

/** The filters of one agent type's keys that an import wrote into a store that held none of them. */
export interface AgentKeys {
  dedupe: KeyFilter;
  /** Replay keys of non-replay records (originals). */
  originals: KeyFilter;
  /** Replay keys of replay copies. */
  copies: KeyFilter;
}

/**
 * A session as stored, and its usage records summed per (model, priced) as
 * usageGroupsBySession would sum them; null groups are not known here (read the store).
 */
export interface CachedSession {
  row: StoredSessionRow;
  groups: Map<string, UsageGroup> | null;
}

/** Sessions kept at most; past this the oldest are forgotten (and read from the store again). */
const MAX_CACHED_SESSIONS = 20_000;

/** Instants whose stored text (ISO, 4-digit year) sorts as time does: MIN/MAX over the text is then the earliest/latest. */
const TEXT_ORDER_FROM = Date.UTC(0, 0, 1);
const TEXT_ORDER_TO = Date.UTC(10000, 0, 1);

function groupKey(model: string | null, priced: boolean): string {
  return `${model === null ? '-' : `+${model}`}${priced ? '1' : '0'}`;
}

/**
 * What a run of ingest transactions knows about the store because it wrote it itself: which
 * sessions exist, with their stored row and the sums of their usage records, and, for an agent
 * type whose records the store held none of when first seen (a first import), filters of every
 * dedupe and replay key written since. With it an import reads nothing back that it wrote:
 * roll-ups are summed as records are written instead of re-summed from the store for every
 * stretch, and keys that cannot be stored are not looked up.
 *
 * Everything is forgotten as soon as anything else may have written: another connection
 * (SQLite's data_version), another write through the same runner, or a transaction of its own
 * that did not commit. Only the embedded store keeps one: PostgreSQL runs writers concurrently.
 */
export class IngestMemory {
  /** The store's state after the last transaction this memory saw commit; null: none, or unknown. */
  private expected: string | null = null;
  private readonly keys = new Map<AgentType, AgentKeys | null>();
  private readonly sessions = new Map<string, CachedSession>();
  private readonly agents = new Set<string>();

  /** First thing inside each ingest transaction: forgets everything when the store is not as this memory left it. */
  open(db: WriteCountingRunner): void {
    if (stateOf(db, 0) !== this.expected) this.forget();
    this.expected = null;
  }

  /** Last thing inside an ingest transaction: what the store will be once it commits (the commit counts one write). */
  closing(db: WriteCountingRunner): void {
    this.expected = stateOf(db, 1);
  }

  forget(): void {
    this.expected = null;
    this.keys.clear();
    this.sessions.clear();
    this.agents.clear();
  }

  /** Whether this agent row is known to exist. */
  hasAgent(id: string): boolean {
    return this.agents.has(id);
  }

  addAgent(id: string): void {
    this.agents.add(id);
  }

  /** The key filters of `agentType`, set up on first use when the store holds none of its records; null when it did. */
  async keysOf(tx: SqlRunner, agentType: AgentType): Promise<AgentKeys | null> {
    if (!this.keys.has(agentType)) {
      const any = await tx.query(sql`SELECT 1 AS found FROM usage_records WHERE agent_type = ${agentType} LIMIT 1`);
      this.keys.set(
        agentType,
        any.length === 0 ? { dedupe: new KeyFilter(), originals: new KeyFilter(), copies: new KeyFilter() } : null,
      );
    }
    return this.keys.get(agentType) ?? null;
  }

  session(id: string): CachedSession | undefined {
    return this.sessions.get(id);
  }

  setSession(id: string, session: CachedSession): void {
    this.sessions.delete(id);
    this.sessions.set(id, session);
    if (this.sessions.size > MAX_CACHED_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
  }

  /** The session's records changed in a way sums cannot follow (a record replaced or deleted): read them again. */
  forgetGroups(sessionId: string): void {
    const cached = this.sessions.get(sessionId);
    if (cached !== undefined) cached.groups = null;
  }

  /**
   * Records written by writeUsage: their keys join the filters, and a new record (not a
   * replacement) is added to its session's sums. `replaced[i]` is the session that owned
   * `rows[i]`'s stored copy, or null when the row was new.
   */
  noteWritten(keys: AgentKeys | null, rows: readonly UsageRow[], replaced: readonly (string | null)[]): void {
    rows.forEach((row, i) => {
      const { event } = row.usage;
      if (keys !== null) {
        keys.dedupe.add(event.dedupeKey);
        if (event.replayKey !== null) (event.isReplayCopy ? keys.copies : keys.originals).add(event.replayKey);
      }
      const previous = replaced[i] ?? null;
      if (previous !== null) {
        this.forgetGroups(previous);
        this.forgetGroups(row.sessionId);
      } else {
        this.addToGroups(row);
      }
    });
  }

  private addToGroups(row: UsageRow): void {
    const cached = this.sessions.get(row.sessionId);
    if (cached === undefined || cached.groups === null) return;
    const at = row.occurredAt.getTime();
    if (!(at >= TEXT_ORDER_FROM && at < TEXT_ORDER_TO)) {
      cached.groups = null;
      return;
    }
    const { event, calculatedCostNanos, recordedCostNanos, priced } = row.usage;
    const t = event.tokens;
    const key = groupKey(event.model, priced);
    const g = cached.groups.get(key);
    if (g === undefined) {
      cached.groups.set(key, {
        model: event.model,
        priced,
        count: 1,
        input: BigInt(t.input),
        output: BigInt(t.output),
        cacheRead: BigInt(t.cacheRead),
        cacheWrite5m: BigInt(t.cacheWrite5m),
        cacheWrite1h: BigInt(t.cacheWrite1h),
        reasoning: BigInt(t.reasoning),
        calculatedCostNanos,
        recordedCostNanos,
        autoCostNanos: recordedCostNanos ?? calculatedCostNanos,
        firstAt: row.occurredAt,
        lastAt: row.occurredAt,
      });
      return;
    }
    g.count += 1;
    g.input += BigInt(t.input);
    g.output += BigInt(t.output);
    g.cacheRead += BigInt(t.cacheRead);
    g.cacheWrite5m += BigInt(t.cacheWrite5m);
    g.cacheWrite1h += BigInt(t.cacheWrite1h);
    g.reasoning += BigInt(t.reasoning);
    g.calculatedCostNanos += calculatedCostNanos;
    if (recordedCostNanos !== null) g.recordedCostNanos = (g.recordedCostNanos ?? 0n) + recordedCostNanos;
    g.autoCostNanos += recordedCostNanos ?? calculatedCostNanos;
    if (g.firstAt === null || at < g.firstAt.getTime()) g.firstAt = row.occurredAt;
    if (g.lastAt === null || at > g.lastAt.getTime()) g.lastAt = row.occurredAt;
  }
}

/** Groups as a map for the cache (see CachedSession). */
export function groupMap(groups: readonly UsageGroup[]): Map<string, UsageGroup> {
  return new Map(groups.map((g) => [groupKey(g.model, g.priced), { ...g }] as const));
}

function stateOf(db: WriteCountingRunner, pendingCommits: number): string {
  return `${db.dataVersion()}:${db.committedWrites + pendingCommits}`;
}

const memories = new WeakMap<SqlRunner, IngestMemory>();

/**
 * The memory kept for a runner's ingest, or null where none is kept (PostgreSQL; or
 * RIMURU_INGEST_MEMORY=off, which reads everything back from the store, as a check).
 */
export function ingestMemoryOf(db: SqlRunner): IngestMemory | null {
  if (!isWriteCounting(db) || process.env.RIMURU_INGEST_MEMORY === 'off') return null;
  let memory = memories.get(db);
  if (memory === undefined) {
    memory = new IngestMemory();
    memories.set(db, memory);
  }
  return memory;
}
