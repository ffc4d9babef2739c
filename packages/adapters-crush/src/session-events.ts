import { InstantSpan, type Instant } from '@rimuru/adapter-kit';
import { ZERO_TOKENS, type SessionActivity, type UsageEvent } from '@rimuru/core';
import { crushInstant } from './crush-time.js';

/** A `sessions` row (text columns decoded; numbers as SQLite returned them). */
export interface SessionRow {
  id: string | null;
  parentId: string | null;
  title: string | null;
  cost: unknown;
  createdAt: unknown;
  updatedAt: unknown;
}

/** A `messages` row without its `parts` (content is not needed and can be large). */
export interface MessageRow {
  sessionId: string | null;
  role: string | null;
  model: string | null;
  createdAt: unknown;
  updatedAt: unknown;
  finishedAt: unknown;
}

export interface CrushEvents {
  usages: UsageEvent[];
  activities: SessionActivity[];
  problems: string[];
}

/** Nano-dollars: the cumulative cost as an exact integer rank (it only grows). */
const rankOf = (cost: number): number => Math.round(cost * 1e9);

function costOf(value: unknown): number | null | 'bad' {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return 'bad';
  return value;
}

interface Gathered {
  span: InstantSpan;
  models: Set<string>;
}

function gather(map: Map<string, Gathered>, id: string): Gathered {
  let g = map.get(id);
  if (g === undefined) {
    g = { span: new InstantSpan(), models: new Set() };
    map.set(id, g);
  }
  return g;
}

function addTime(g: Gathered, value: unknown): void {
  const at = crushInstant(value);
  if (at !== null) g.span.add(at);
}

/**
 * The events of one `crush.db` (see README, "Token semantics"):
 *
 * - Tokens are unknown for every session: Crush overwrites `prompt_tokens`/`completion_tokens`
 *   with each request's numbers (the current context size, used for auto-compaction), keeps no
 *   per-message usage, so no exact per-class total exists. Activities say `tokensKnown: false`.
 * - `cost` accumulates every request's dollars (`session.Cost += cost`), and a finished
 *   sub-agent's cost is added to its parent's. So a top-level session's cost is the whole
 *   conversation's: one recorded-cost event per top-level session, keyed by the session and
 *   ranked by the cost, so a later, larger copy replaces the stored one (a snapshot is re-read
 *   from the start without state; nothing is counted twice). Sub-agent sessions carry no cost
 *   event: theirs is in the parent's.
 */
export function crushEvents(
  sessions: readonly SessionRow[],
  messages: readonly MessageRow[],
  projectPath: string | null,
): CrushEvents {
  const problems: string[] = [];
  const usages: UsageEvent[] = [];
  const activities: SessionActivity[] = [];
  const bySession = new Map<string, Gathered>();
  let orphanMessages = 0;
  for (const m of messages) {
    if (m.sessionId === null || m.sessionId === '') {
      orphanMessages += 1;
      continue;
    }
    const g = gather(bySession, m.sessionId);
    addTime(g, m.createdAt);
    addTime(g, m.updatedAt);
    addTime(g, m.finishedAt);
    if (m.role === 'assistant' && m.model !== null && m.model.trim() !== '') g.models.add(m.model);
  }
  if (orphanMessages > 0) problems.push(`${orphanMessages} message rows without a session id`);

  const rows = new Map<string, SessionRow>();
  for (const s of sessions) {
    if (s.id === null || s.id === '') {
      problems.push('a session row without an id');
      continue;
    }
    rows.set(s.id, s);
    const g = gather(bySession, s.id);
    addTime(g, s.createdAt);
    addTime(g, s.updatedAt);
  }

  for (const [id, g] of [...bySession].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const row = rows.get(id) ?? null;
    const span = g.span.take();
    if (span === null) {
      problems.push(`session ${id} has no valid time`);
      continue;
    }
    const { first, last } = span;
    const models = [...g.models].sort();
    activities.push({
      type: 'activity',
      sessionExternalId: id,
      firstAt: first.iso,
      lastAt: last.iso,
      projectPath,
      parentExternalId: row?.parentId ?? null,
      tokensKnown: false,
      title: row?.title ?? null,
      models,
    });
    if (row === null || row.parentId !== null) continue;
    const cost = costOf(row.cost);
    if (cost === 'bad') {
      problems.push(`session ${id}: cost ${String(row.cost)} is not a dollar amount`);
      continue;
    }
    // 0: nothing priced yet, a flat-rate plan, or usage Crush only estimated: no dollars recorded.
    if (cost === null || cost === 0) continue;
    const at: Instant = crushInstant(row.updatedAt) ?? last;
    usages.push({
      type: 'usage',
      sessionExternalId: id,
      dedupeKey: `${id}:cost`,
      rank: rankOf(cost),
      replayKey: null,
      isReplayCopy: false,
      occurredAt: at.iso,
      // The session's dollars cover all its requests: named after the model only when it used one.
      model: models.length === 1 ? (models[0] ?? null) : null,
      tokens: { ...ZERO_TOKENS },
      recordedCostUsd: cost,
      speed: null,
      line: null,
    });
  }
  return { usages, activities, problems };
}
