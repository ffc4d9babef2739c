import { isRecord, parseEpochMs, parseIsoTimestamp, type Instant } from '@rimuru/adapter-kit';

/** Seconds (Grok writes whole or fractional epoch seconds) or milliseconds, told apart by size. */
function epochNumber(value: unknown): Instant | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  return parseEpochMs(value > 1e12 ? value : value * 1000);
}

/**
 * When an update happened. `params._meta.agentTimestampMs` first: forking a session copies
 * the parent's updates and re-stamps the envelope `timestamp` with the copy time, while
 * `_meta` survives the copy. Else the envelope `timestamp` (epoch seconds, or ISO).
 */
export function updateInstant(record: Record<string, unknown>): Instant | null {
  const params = record['params'];
  const meta = isRecord(params) ? params['_meta'] : undefined;
  const agentMs = isRecord(meta) ? parseEpochMs(meta['agentTimestampMs']) : null;
  if (agentMs !== null) return agentMs;
  const ts = record['timestamp'];
  return typeof ts === 'string' ? parseIsoTimestamp(ts) : epochNumber(ts);
}
