/**
 * The copy-order rule: which of two copies of one request (same agent type and dedupe key)
 * the store keeps. A total order, so the outcome never depends on which file was read first.
 * The store enforces the same order in its upsert (`ON CONFLICT … WHERE`), so a concurrent
 * writer can never make a losing copy win.
 */
export interface CopyOrder {
  /** The adapter's rank: a streamed snapshot with more output ranks higher. */
  rank: number;
  occurredAt: Date;
  /** Store row id of the owning session. */
  sessionId: string;
}

/**
 * Whether copy `a` beats copy `b`: the larger rank wins; on equal rank the earlier copy wins
 * (a fork or clone repeats a message later, under another session), then the smaller session
 * id.
 */
export function beats(a: CopyOrder, b: CopyOrder): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  const at = a.occurredAt.getTime();
  const bt = b.occurredAt.getTime();
  if (at !== bt) return at < bt;
  return a.sessionId < b.sessionId;
}
