import { createReadStream } from 'node:fs';
import type { AdapterContext, AgentAdapter, SourceRef, StoredSession, UsageEvent } from '@rimuru/core';
import type { SessionStore, StreamedUsageRecord } from '@rimuru/db';

/** Why a source belongs to the explanation. */
export type SourceReason = 'holds-counted-records' | 'named-after-session';

/** What re-reading one source from its first byte found for the session. */
export interface ReadSource {
  path: string;
  reasons: SourceReason[];
  /** False when the adapter no longer discovers the file (e.g. Claude Code deleted it after 30 days). */
  onDisk: boolean;
  mode: SourceRef['mode'] | null;
  /** Bytes consumed up to the last complete line (a partial last line is not read yet). */
  bytesRead: number;
  /** Lines in those bytes, for append-only text sources; null for snapshot sources (records, not lines). */
  linesRead: number | null;
  /** Usage copies of this session, with their 1-based line or record index. */
  usage: UsageEvent[];
  /** Activity stretches of this session: timestamps and project, but no line numbers. */
  activity: { count: number; firstAt: string | null; lastAt: string | null };
  /** Malformed lines or records in the whole source. */
  diagnostics: number;
}

async function countNewlines(path: string, end: number): Promise<number> {
  if (end <= 0) return 0;
  let count = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: end - 1 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count += 1;
  }
  return count;
}

/**
 * The sources to re-read for a session: every file a counted record was read from, plus every
 * known source whose path names the session's external id (Claude Code and Codex name files
 * after the session; such a file may hold only dropped copies).
 */
export async function sourcesOfSession(
  store: SessionStore,
  session: StoredSession,
  winners: readonly StreamedUsageRecord[],
): Promise<Map<string, SourceReason[]>> {
  const reasons = new Map<string, SourceReason[]>();
  const note = (path: string, reason: SourceReason) => {
    const list = reasons.get(path) ?? [];
    if (!list.includes(reason)) list.push(reason);
    reasons.set(path, list);
  };
  for (const w of winners) if (w.sourcePath !== null) note(w.sourcePath, 'holds-counted-records');
  for (const c of await store.sources.checkpoints(session.agentType)) {
    if (c.path.includes(session.externalId)) note(c.path, 'named-after-session');
  }
  return new Map([...reasons.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** Re-reads each source from the start through the adapter, keeping what concerns the session. */
export async function rereadSources(
  adapter: AgentAdapter,
  ctx: AdapterContext,
  session: StoredSession,
  sources: ReadonlyMap<string, SourceReason[]>,
): Promise<ReadSource[]> {
  const discovered = new Map((await adapter.discover(ctx)).map((s) => [s.path, s] as const));
  const out: ReadSource[] = [];
  for (const [path, reasons] of sources) {
    const ref = discovered.get(path);
    const result: ReadSource = {
      path,
      reasons,
      onDisk: ref !== undefined,
      mode: ref?.mode ?? null,
      bytesRead: 0,
      linesRead: null,
      usage: [],
      activity: { count: 0, firstAt: null, lastAt: null },
      diagnostics: 0,
    };
    if (ref !== undefined) {
      for await (const event of adapter.read(ref, { offset: 0, state: null }, ctx)) {
        if (event.type === 'checkpoint') result.bytesRead = Math.max(result.bytesRead, event.offset);
        else if (event.type === 'diagnostic') result.diagnostics += 1;
        else if (event.sessionExternalId !== session.externalId) continue;
        else if (event.type === 'usage') result.usage.push(event);
        else {
          result.activity.count += 1;
          if (result.activity.firstAt === null || event.firstAt < result.activity.firstAt)
            result.activity.firstAt = event.firstAt;
          if (result.activity.lastAt === null || event.lastAt > result.activity.lastAt)
            result.activity.lastAt = event.lastAt;
        }
      }
      if (ref.mode === 'append') result.linesRead = await countNewlines(path, result.bytesRead);
    }
    out.push(result);
  }
  return out;
}
