import { isDroppedReplay, noteReplayOriginal, type AgentType, type ReplayOriginals } from '@rimuru/core';
import { rawStringOrNull } from './raw-values.js';
import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';

/**
 * Core's replay rule for stored copies on PostgreSQL, in three small steps instead of one
 * DELETE … EXISTS: the stored copies of these replay keys (few; the partial index of schema 7
 * holds only copies), the originals of just those keys, then the copies the rule drops, by id.
 * The single statement let the planner hash every original of the agent type when its
 * statistics lagged behind a fast-growing table (86 ms for 500 keys at 80 k records; a full
 * scan per batch at 25 M). Returns the sessions that lost records.
 */
export async function dropReplayCopiesPg(
  tx: SqlRunner,
  agentType: AgentType,
  replayKeys: readonly string[],
): Promise<{ dropped: number; sessionIds: Set<string> }> {
  const sessionIds = new Set<string>();
  if (replayKeys.length === 0) return { dropped: 0, sessionIds };
  const copies = await tx.query(sql`SELECT id, replay_key, dedupe_key FROM usage_records
    WHERE agent_type = ${agentType} AND is_replay_copy AND replay_key = ANY(${replayKeys}::text[])`);
  if (copies.length === 0) return { dropped: 0, sessionIds };
  const keys = [...new Set(copies.map((c) => String(c.replay_key)))];
  const originals: ReplayOriginals = new Map();
  for (const o of await tx.query(sql`SELECT replay_key, dedupe_key FROM usage_records
    WHERE agent_type = ${agentType} AND replay_key = ANY(${keys}::text[]) AND NOT is_replay_copy`)) {
    noteReplayOriginal(originals, {
      replayKey: rawStringOrNull(o.replay_key),
      dedupeKey: String(o.dedupe_key),
      isReplayCopy: false,
    });
  }
  const doomed = copies
    .filter((c) =>
      isDroppedReplay(
        { replayKey: rawStringOrNull(c.replay_key), dedupeKey: String(c.dedupe_key), isReplayCopy: true },
        originals,
      ),
    )
    .map((c) => String(c.id));
  if (doomed.length === 0) return { dropped: 0, sessionIds };
  const rows = await tx.query(
    sql`DELETE FROM usage_records WHERE id = ANY(${doomed}::bigint[]) AND is_replay_copy RETURNING session_id`,
  );
  for (const row of rows) sessionIds.add(String(row.session_id));
  return { dropped: rows.length, sessionIds };
}
