import { beats, isDroppedReplay, type ReplayOriginals, type UsageEvent } from '@rimuru/core';
import type { StreamedUsageRecord } from '@rimuru/db';

/**
 * Why a copy read from a source is not the one counted. The names match the store's rules
 * (core's `beats` copy order and `isDroppedReplay`, which the store applies in usage-upsert.ts).
 */
export type DropRule =
  /** Another copy of the same request has a larger rank (e.g. a later streamed snapshot with more output). */
  | 'dedupe:larger-rank-wins'
  /** Same rank: the earliest copy wins (a fork or resume repeats a message later). */
  | 'dedupe:earlier-copy-wins'
  /** Same rank and instant: the copy in the session with the smaller row id wins. */
  | 'dedupe:session-id-tiebreak'
  /** The very same copy was read twice (identical rank, instant and session): counted once. */
  | 'dedupe:identical-copy'
  /** A replay (e.g. a Claude sidechain copy of a parent message) whose original is known. */
  | 'replay:original-exists'
  /** The store has no copy under this key: the source changed after the last sync. */
  | 'not-in-store'
  /** This copy should win but the store holds another: the source changed after the last sync. */
  | 'store-outdated';

export const DROP_RULE_TEXT: Record<DropRule, string> = {
  'dedupe:larger-rank-wins': 'a copy of the same request with a larger rank (more tokens) is counted instead',
  'dedupe:earlier-copy-wins': 'an earlier copy of the same request is counted instead',
  'dedupe:session-id-tiebreak': 'an identical copy in a session with a smaller id is counted instead',
  'dedupe:identical-copy': 'the same copy appears again: counted once',
  'replay:original-exists': 'a replay of a request whose original is counted',
  'not-in-store': 'not in the store yet (the source changed after the last sync)',
  'store-outdated': 'would replace the stored copy at the next sync',
};

export interface CopyContext {
  sessionId: string;
  occurredAt: Date;
}

/**
 * The rule that dropped copy `copy` given the stored winner of its key, or null when the copy
 * is the winner itself. `originals` are non-replay records (stored or re-read) by replay key.
 */
export function dropRuleOf(
  copy: Omit<UsageEvent, 'occurredAt'> & CopyContext,
  stored: StreamedUsageRecord | undefined,
  originals: ReplayOriginals,
  isStoredCopy: boolean,
): DropRule | null {
  if (isDroppedReplay(copy, originals)) return 'replay:original-exists';
  if (stored === undefined) return 'not-in-store';
  if (isStoredCopy) return null;
  const mine = { rank: copy.rank, occurredAt: copy.occurredAt, sessionId: copy.sessionId };
  const theirs = { rank: stored.rank, occurredAt: stored.occurredAt, sessionId: stored.sessionId };
  if (beats(mine, theirs)) return 'store-outdated';
  if (theirs.rank !== mine.rank) return 'dedupe:larger-rank-wins';
  if (theirs.occurredAt.getTime() !== mine.occurredAt.getTime()) return 'dedupe:earlier-copy-wins';
  if (theirs.sessionId !== mine.sessionId) return 'dedupe:session-id-tiebreak';
  // Neither beats the other: the store kept the first one it saw.
  return 'dedupe:identical-copy';
}
