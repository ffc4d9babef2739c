/**
 * The replay rule: an agent may write a copy of an earlier request under another record (Claude
 * Code's sidechains replay a parent's message). A copy flagged `isReplayCopy` counts only until
 * its original exists — a record with the same replay key and another dedupe key that is not a
 * replay itself — whichever of the two arrived first. The store applies it to incoming copies
 * (never written when their original is known) and to stored ones (deleted when the original
 * arrives later), translating `isDroppedReplay` to SQL for the latter.
 */
export interface ReplayFacts {
  dedupeKey: string;
  replayKey: string | null;
  isReplayCopy: boolean;
}

/** Dedupe keys of the originals (non-replay records) seen per replay key. */
export type ReplayOriginals = Map<string, Set<string>>;

/** Notes `record` as an original of its replay key when it is one. */
export function noteReplayOriginal(originals: ReplayOriginals, record: ReplayFacts): void {
  if (record.isReplayCopy || record.replayKey === null) return;
  const keys = originals.get(record.replayKey);
  if (keys === undefined) originals.set(record.replayKey, new Set([record.dedupeKey]));
  else keys.add(record.dedupeKey);
}

/** Whether `record` is a replay copy whose original is among `originals`: it does not count. */
export function isDroppedReplay(record: ReplayFacts, originals: ReplayOriginals): boolean {
  if (!record.isReplayCopy || record.replayKey === null) return false;
  for (const key of originals.get(record.replayKey) ?? []) if (key !== record.dedupeKey) return true;
  return false;
}
