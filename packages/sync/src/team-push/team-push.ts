import type { ReplicationCursor, SessionStore } from '@rimuru/db';

export interface PushOptions {
  /** The store pushed from (this machine's). */
  local: SessionStore;
  /** The shared server store. */
  server: SessionStore;
  /** Ignore the stored cursor and send everything (a server that was reset). */
  full?: boolean;
  /** Sessions per transaction on the server: short transactions keep many pushers moving. */
  batchSize?: number;
  onBatch?: (sent: { sessions: number; usageRecords: number }) => void;
}

export interface PushSummary {
  target: string;
  sessions: number;
  usageRecords: number;
  batches: number;
  durationMs: number;
}

const DEFAULT_BATCH = 200;

/** The local meta key of the push cursor: one per store and server, whatever the host is called. */
function pushCursorKey(serverLocation: string): string {
  return `push.cursor:${serverLocation}`;
}

function parseCursor(text: string | null): ReplicationCursor | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<ReplicationCursor>;
    return typeof value.updatedAt === 'string' && typeof value.id === 'string'
      ? { updatedAt: value.updatedAt, id: value.id }
      : null;
  } catch {
    return null;
  }
}

/**
 * Replicates every session that changed since this store's last push to `server` (with its
 * usage records and agent), batch by batch. The cursor advances only after a batch is
 * committed on the server, so an interrupted push resumes where it stopped and re-sending
 * a batch is harmless (deterministic ids, upserts).
 */
export async function pushStore(options: PushOptions): Promise<PushSummary> {
  const started = Date.now();
  const key = pushCursorKey(options.server.location);
  let cursor = options.full === true ? null : parseCursor(await options.local.meta.get(key));
  const summary: PushSummary = {
    target: options.server.location,
    sessions: 0,
    usageRecords: 0,
    batches: 0,
    durationMs: 0,
  };
  const size = options.batchSize ?? DEFAULT_BATCH;
  let batch = await options.local.replication.changesSince(cursor, size);
  while (batch.next !== null) {
    // The next batch is read from this machine's store while the server applies this one.
    const [, following] = await Promise.all([
      options.server.replication.apply(batch),
      options.local.replication.changesSince(batch.next, size),
    ]);
    cursor = batch.next;
    await options.local.meta.set(key, JSON.stringify(cursor));
    summary.sessions += batch.sessions.length;
    summary.usageRecords += batch.usage.length;
    summary.batches += 1;
    options.onBatch?.({ sessions: batch.sessions.length, usageRecords: batch.usage.length });
    batch = following;
  }
  summary.durationMs = Date.now() - started;
  return summary;
}
