import type { AdapterContext, AgentAdapter, ModelPrice, PriceTable, ReadPosition, SourceRef } from '@rimuru/core';
import { defaultAgentName, formatDriftOf, isRimuruError, type AgentReadStats } from '@rimuru/core';
import type { IngestResult, SessionStore, SourceCheckpoint } from '@rimuru/db';
import { recordFormatDrift } from './format-drift-record.js';
import { IngestGroup } from './ingest-group.js';
import { WorkerReadFailure } from './read-pool.js';
import { planSource, progressOffset, type SourcePlan } from './source-plan.js';
import { SourceReader, type ReadWorkerOptions } from './source-reader.js';
import { stretchesOf, type Stretch } from './source-stretches.js';
import { emptySummary, type SyncProgress, type SyncSummary } from './sync-summary.js';
import { createUsagePricer, type UsagePricer } from '../prices/usage-pricer.js';

export interface SyncOptions {
  store: SessionStore;
  adapters: readonly AgentAdapter[];
  ctx: AdapterContext;
  /** Machine name recorded on agents and sessions. */
  host: string;
  /** The bundled snapshot: seeds the store's dated prices (model_prices) on first use. */
  prices: PriceTable;
  /** User prices from the config file: win over the store's dated prices. */
  priceOverrides?: ReadonlyMap<string, ModelPrice>;
  onProgress?: (progress: SyncProgress) => void;
  /** Only sources whose path passes (an agent hook ingests one transcript right away). */
  only?: (path: string) => boolean;
  /**
   * Reading in worker threads started from the app's worker entry (adapters that set
   * `readsOffThread` or name a `workerModule`, large syncs only); absent or false, everything is
   * read in the calling thread. The store sees the same sequence either way.
   */
  readWorkers?: ReadWorkerOptions | false;
}

/** How many diagnostics are kept verbatim for --verbose; the rest are only counted. */
const MAX_DIAGNOSTIC_SAMPLES = 50;

export const LAST_SYNC_META_KEY = 'lastSyncAt';

interface PlannedSource {
  adapter: AgentAdapter;
  source: SourceRef;
  plan: Extract<SourcePlan, { action: 'read' }>;
}

/**
 * Brings the store up to date with every adapter's sources, reading only new bytes.
 * Checkpointed stretches are written in order, each with its checkpoint, consecutive ones
 * grouped into one transaction; a sync killed at any moment leaves the store consistent and
 * the next run resumes after the last committed stretch. Large imports are parsed in worker
 * threads while this thread writes (see source-reader.ts); the store sees the same sequence.
 */
export async function syncAll(options: SyncOptions): Promise<SyncSummary> {
  const started = Date.now();
  const summary = emptySummary();
  const pricer = await createUsagePricer(options.store, options.prices, options.priceOverrides);

  // Sources are handed to the reader as they are planned: workers, when they pay, start
  // loading while the rest is still being planned.
  const reader = new SourceReader(options.ctx, options.readWorkers);
  try {
    const planned: PlannedSource[] = [];
    for (const adapter of options.adapters) {
      let sources: SourceRef[];
      try {
        sources = await adapter.discover(options.ctx);
      } catch (error) {
        summary.adapterErrors.push({ agentType: adapter.id, message: errorMessage(error) });
        continue;
      }
      const checkpoints = new Map(
        (await options.store.sources.checkpoints(adapter.id)).map((c) => [c.path, c] as const),
      );
      const wanted = options.only === undefined ? sources : sources.filter((source) => options.only!(source.path));
      summary.sourcesSeen += wanted.length;
      for (const source of wanted) {
        const plan = await planSource(source, checkpoints.get(source.path) ?? null);
        if (plan.action !== 'read') continue;
        planned.push({ adapter, source, plan });
        reader.add({ adapter, source, from: plan.from, bytes: newBytes(plan) });
      }
    }

    const progress: SyncProgress = {
      bytesDone: 0,
      bytesTotal: planned.reduce((sum, p) => sum + newBytes(p.plan), 0),
      sourcesDone: 0,
      sourcesTotal: planned.length,
    };
    if (planned.length > 0) options.onProgress?.({ ...progress });

    const group = new IngestGroup(options.store);
    const reads = new AgentReads();
    for (const [index, item] of planned.entries()) {
      await ingestSource(
        item,
        reader,
        index,
        options,
        () => Promise.resolve(pricer),
        group,
        summary,
        reads.of(item.adapter.id),
        (bytes) => {
          progress.bytesDone += bytes;
          options.onProgress?.({ ...progress });
        },
      );
      progress.sourcesDone += 1;
      options.onProgress?.({ ...progress });
    }
    await group.flush();
    summary.formatDrift = reads.drift();
    await recordFormatDrift(options.store, reads.agents(), summary.formatDrift, options.ctx.now());
  } finally {
    await reader.close();
  }

  await options.store.meta.set(LAST_SYNC_META_KEY, new Date(options.ctx.now().getTime()).toISOString());
  summary.durationMs = Date.now() - started;
  return summary;
}

/** What `syncSources` reads: named sources of one adapter, nothing discovered. */
export interface SyncSourcesOptions extends Pick<SyncOptions, 'store' | 'ctx' | 'host' | 'prices' | 'priceOverrides'> {
  adapter: AgentAdapter;
  /** The sources, as the adapter would list them (a transcript's path and mode). */
  sources: readonly SourceRef[];
}

/**
 * Brings a few named sources of one adapter up to date without asking any adapter to discover
 * (a statusline's transcript): the same plan, read and checkpointed writes as `syncAll`, so an
 * unchanged source costs a checkpoint lookup and a stat, a grown one only its new bytes. Read in
 * this thread, prices loaded only when something is read. It is not a sync of the machine: the
 * last-sync time and the format-drift verdict (a rule over all changed files) are left alone.
 */
export async function syncSources(options: SyncSourcesOptions): Promise<SyncSummary> {
  const started = Date.now();
  const summary = emptySummary();
  const { adapter, store } = options;
  const planned: PlannedSource[] = [];
  for (const source of options.sources) {
    summary.sourcesSeen += 1;
    const plan = await planSource(source, await store.sources.checkpoint(adapter.id, source.path));
    if (plan.action === 'read') planned.push({ adapter, source, plan });
  }
  if (planned.length > 0) {
    // Priced only once a stretch holds usage: most appends to a transcript (a prompt, a tool's
    // output) hold none, and loading the store's prices is most of a small read's cost.
    let pricer: Promise<UsagePricer> | null = null;
    const pricerOf = () => (pricer ??= createUsagePricer(store, options.prices, options.priceOverrides));
    const reader = new SourceReader(options.ctx, false);
    try {
      for (const item of planned)
        reader.add({ adapter, source: item.source, from: item.plan.from, bytes: newBytes(item.plan) });
      const group = new IngestGroup(store);
      const read = new AgentReads().of(adapter.id);
      for (const [index, item] of planned.entries()) {
        await ingestSource(item, reader, index, options, pricerOf, group, summary, read, () => {});
      }
      await group.flush();
    } finally {
      await reader.close();
    }
  }
  summary.durationMs = Date.now() - started;
  return summary;
}

async function ingestSource(
  { adapter, source, plan }: PlannedSource,
  reader: SourceReader,
  index: number,
  options: Pick<SyncOptions, 'ctx' | 'host'>,
  pricerOf: () => Promise<UsagePricer>,
  group: IngestGroup,
  summary: SyncSummary,
  read: AgentReadStats,
  onBytes: (bytes: number) => void,
): Promise<void> {
  summary.sourcesRead += 1;
  read.sourcesChanged += 1;
  if (plan.from.offset === 0 && plan.reason !== 'new') summary.sourcesReread += 1;

  // Where the read stands: the plan's start, then each checkpoint handed to the store.
  let reached: ReadPosition = plan.from;
  let offset = plan.from.offset;

  const take = async (stretch: Stretch): Promise<void> => {
    read.usageEvents += stretch.usage.length;
    read.diagnostics += stretch.diagnostics.length;
    for (const activity of stretch.activity) if (!activity.tokensKnown) read.tokenlessSessions += 1;
    for (const event of stretch.diagnostics) {
      summary.diagnostics += 1;
      if (summary.diagnosticSamples.length < MAX_DIAGNOSTIC_SAMPLES) {
        summary.diagnosticSamples.push({
          agentType: adapter.id,
          path: source.path,
          line: event.line,
          code: event.code,
          message: event.message,
        });
      }
    }
    const closing = stretch.checkpoint;
    // Events after the last checkpoint are counted above but never committed: no safe resume point covers them.
    if (closing === null) return;
    const diagnosticCount = stretch.diagnostics.length;
    const checkpoint: Omit<SourceCheckpoint, 'updatedAt'> = {
      agentType: adapter.id,
      path: source.path,
      device: plan.identity.device,
      inode: plan.identity.inode,
      size: plan.identity.size,
      mtimeMs: plan.identity.mtimeMs,
      headHash: plan.identity.headHash,
      headLength: plan.identity.headLength,
      offset: closing.offset,
      state: closing.state,
      diagnosticCount,
    };
    reached = { offset: closing.offset, state: closing.state };
    const progressed = progressOffset(source, plan.identity, closing.offset);
    const advanced = Math.max(0, progressed - offset);
    offset = progressed;
    const batch = {
      agentType: adapter.id,
      agentName: defaultAgentName(adapter.id),
      host: options.host,
      checkpoint,
      usage: stretch.usage.length === 0 ? [] : await priced(stretch.usage, pricerOf),
      activity: stretch.activity,
      diagnosticCount,
    };
    await group.add(batch, (result) => {
      addResult(summary, result);
      summary.bytesRead += advanced;
      read.bytesRead += advanced;
      onBytes(advanced);
    });
  };

  try {
    for await (const stretch of reader.stretches(index)) await take(stretch);
  } catch (error) {
    if (!(error instanceof WorkerReadFailure)) throw error;
    // A checkpoint is a safe resume point: reading on from the last one taken yields exactly
    // what the worker had still to send (and an adapter error surfaces as it would have).
    options.ctx.logger.debug(`read worker failed on ${source.path} (${error.message}); reading it in the main thread`);
    for await (const stretch of stretchesOf(adapter.read(source, reached, options.ctx))) await take(stretch);
  }
}

/** What this sync read of each agent, for the format-drift rule. */
class AgentReads {
  private readonly byAgent = new Map<string, AgentReadStats>();

  of(agentType: string): AgentReadStats {
    let stats = this.byAgent.get(agentType);
    if (stats === undefined) {
      stats = { agentType, sourcesChanged: 0, bytesRead: 0, usageEvents: 0, tokenlessSessions: 0, diagnostics: 0 };
      this.byAgent.set(agentType, stats);
    }
    return stats;
  }

  agents(): string[] {
    return [...this.byAgent.keys()];
  }

  drift() {
    return [...this.byAgent.values()].flatMap((stats) => formatDriftOf(stats) ?? []);
  }
}

async function priced(usage: Stretch['usage'], pricerOf: () => Promise<UsagePricer>) {
  const pricer = await pricerOf();
  return usage.map((event) => pricer.price(event));
}

function newBytes(plan: Extract<SourcePlan, { action: 'read' }>): number {
  return Math.max(0, plan.identity.size - plan.from.offset);
}

function addResult(summary: SyncSummary, result: IngestResult): void {
  summary.usageInserted += result.usageInserted;
  summary.usageReplaced += result.usageReplaced;
  summary.usageIgnored += result.usageIgnored;
  summary.replaysDropped += result.replaysDropped;
  summary.sessionsTouched += result.sessionsTouched;
}

function errorMessage(error: unknown): string {
  if (isRimuruError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}
