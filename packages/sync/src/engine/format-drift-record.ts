import {
  FORMAT_DRIFT_META_KEY,
  mergeRecordedFormatDrift,
  parseRecordedFormatDrift,
  type FormatDrift,
} from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';

/** Keeps this sync's format-drift verdicts beside earlier ones (core's merge rule). */
export async function recordFormatDrift(
  store: SessionStore,
  agentsRead: readonly string[],
  drift: readonly FormatDrift[],
  at: Date,
): Promise<void> {
  const previous = parseRecordedFormatDrift(await store.meta.get(FORMAT_DRIFT_META_KEY));
  const next = mergeRecordedFormatDrift(previous, agentsRead, drift, at);
  if (next !== null) await store.meta.set(FORMAT_DRIFT_META_KEY, next);
}
