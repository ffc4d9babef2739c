import { isRecord, trimmedString } from '@rimuru/adapter-kit';

/** One `model_usage` entry of Cline's `task_metadata.json`: appended whenever the model changes. */
export interface ModelUsageEntry {
  ts: number;
  modelId: string;
  providerId: string | null;
}

/** The `model_usage` entries, oldest first; entries without a time or model are left out. */
export function modelUsageOf(metadata: unknown): ModelUsageEntry[] {
  if (!isRecord(metadata) || !Array.isArray(metadata['model_usage'])) return [];
  const entries: ModelUsageEntry[] = [];
  for (const entry of metadata['model_usage']) {
    if (!isRecord(entry)) continue;
    const ts = entry['ts'];
    const modelId = trimmedString(entry['model_id']);
    if (typeof ts !== 'number' || !Number.isFinite(ts) || modelId === null) continue;
    entries.push({ ts, modelId, providerId: trimmedString(entry['model_provider_id']) });
  }
  // Stable sort: equal times keep file order, so the later-written entry wins below.
  return entries.sort((a, b) => a.ts - b.ts);
}

/** The latest entry written at or before `ts` (the model the request ran with), or null. */
export function modelUsageAt(entries: readonly ModelUsageEntry[], ts: number): ModelUsageEntry | null {
  let found: ModelUsageEntry | null = null;
  for (const entry of entries) {
    if (entry.ts > ts) break;
    found = entry;
  }
  return found;
}
