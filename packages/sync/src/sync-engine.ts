import type {
  AdapterContext,
  AgentAdapter,
  ModelPrice,
  PriceTable,
  SessionActivity,
  SourceRef,
} from '@rimuru/core';
import { defaultAgentName, isRimuruError } from '@rimuru/core';
import type { IngestResult, PricedUsage, SessionStore, SourceCheckpoint } from '@rimuru/db';
import { planSource, progressOffset, type SourcePlan } from './source-plan.js';
import { emptySummary, type SyncProgress, type SyncSummary } from './sync-summary.js';
import { createUsagePricer, type UsagePricer } from './usage-pricer.js';

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
 * Each checkpointed stretch of a source is written in one transaction, so a sync killed at any
 * moment leaves the store consistent and the next run resumes after the last committed stretch.
 */
export async function syncAll(options: SyncOptions): Promise<SyncSummary> {
  const started = Date.now();
  const summary = emptySummary();
  const pricer = await createUsagePricer(options.store, options.prices, options.priceOverrides);

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
      (await options.store.listCheckpoints(adapter.id)).map((c) => [c.path, c] as const),
    );
    for (const source of sources) {
      if (options.only !== undefined && !options.only(source.path)) continue;
      summary.sourcesSeen += 1;
      const plan = await planSource(source, checkpoints.get(source.path) ?? null);
      if (plan.action === 'read') planned.push({ adapter, source, plan });
    }
  }

  const progress: SyncProgress = {
    bytesDone: 0,
    bytesTotal: planned.reduce((sum, p) => sum + Math.max(0, p.plan.identity.size - p.plan.from.offset), 0),
    sourcesDone: 0,
    sourcesTotal: planned.length,
  };
  if (planned.length > 0) options.onProgress?.({ ...progress });

  for (const item of planned) {
    await ingestSource(item, options, pricer, summary, (bytes) => {
      progress.bytesDone += bytes;
      options.onProgress?.({ ...progress });
    });
    progress.sourcesDone += 1;
    options.onProgress?.({ ...progress });
  }

  await options.store.setMeta(LAST_SYNC_META_KEY, new Date(options.ctx.now().getTime()).toISOString());
  summary.durationMs = Date.now() - started;
  return summary;
}

async function ingestSource(
  { adapter, source, plan }: PlannedSource,
  options: SyncOptions,
  pricer: UsagePricer,
  summary: SyncSummary,
  onBytes: (bytes: number) => void,
): Promise<void> {
  summary.sourcesRead += 1;
  if (plan.from.offset === 0 && plan.reason !== 'new') summary.sourcesReread += 1;

  let usage: PricedUsage[] = [];
  let activity: SessionActivity[] = [];
  let diagnosticCount = 0;
  let offset = plan.from.offset;

  for await (const event of adapter.read(source, plan.from, options.ctx)) {
    switch (event.type) {
      case 'usage':
        usage.push(pricer.price(event));
        break;
      case 'activity':
        activity.push(event);
        break;
      case 'diagnostic':
        diagnosticCount += 1;
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
        break;
      case 'checkpoint': {
        const checkpoint: Omit<SourceCheckpoint, 'updatedAt'> = {
          agentType: adapter.id,
          path: source.path,
          device: plan.identity.device,
          inode: plan.identity.inode,
          size: plan.identity.size,
          mtimeMs: plan.identity.mtimeMs,
          headHash: plan.identity.headHash,
          headLength: plan.identity.headLength,
          offset: event.offset,
          state: event.state,
          diagnosticCount,
        };
        const result = await options.store.ingest({
          agentType: adapter.id,
          agentName: defaultAgentName(adapter.id),
          host: options.host,
          checkpoint,
          usage,
          activity,
          diagnosticCount,
        });
        addResult(summary, result);
        const reached = progressOffset(source, plan.identity, event.offset);
        const advanced = Math.max(0, reached - offset);
        summary.bytesRead += advanced;
        onBytes(advanced);
        offset = reached;
        usage = [];
        activity = [];
        diagnosticCount = 0;
        break;
      }
    }
  }
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
