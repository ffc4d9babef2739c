import type { TokenCounts } from './tokens.js';

/** JSON-serialisable adapter state kept in a source's checkpoint (e.g. Codex's running total). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One deduplicated-to-be billable request, as an adapter read it.
 * The sync engine stores it under (agent type, dedupeKey): a later copy with the same key
 * replaces the stored one only when its `rank` is larger (e.g. a streamed snapshot with more
 * output). Copies flagged `isReplayCopy` are dropped whenever a non-replay event with the same
 * `replayKey` exists (Claude's sidechain replays of a parent message).
 */
export interface UsageEvent {
  type: 'usage';
  sessionExternalId: string;
  dedupeKey: string;
  /** Larger wins among copies with the same dedupeKey; ties keep the stored copy. */
  rank: number;
  replayKey: string | null;
  isReplayCopy: boolean;
  /** ISO-8601 UTC instant of the request. */
  occurredAt: string;
  /** Model as the agent wrote it; null when the agent did not say. */
  model: string | null;
  tokens: TokenCounts;
  /** Dollars the agent itself recorded for this request (old Claude Code `costUSD`). */
  recordedCostUsd: number | null;
  speed: 'standard' | 'fast' | null;
  /** 1-based line (or record index) in the source where this copy was read. */
  line: number | null;
  /**
   * How many API requests the tokens sum. Absent or 1: one request (what most agents record).
   * n > 1: a sum of n requests; null: a sum of an unknown number (session, segment or turn
   * totals). Per-request price rules (the 200k tier) apply only to one request (core `cost.ts`).
   * Written after `line` (the optional fields in this order), so the read workers' column
   * codec keeps its fast path.
   */
  requestCount?: number | null;
  /**
   * Premium requests the agent's plan counted for these tokens (GitHub Copilot's request
   * multipliers applied, so possibly fractional); absent or null when it did not say. Units of
   * a plan, never dollars.
   */
  premiumRequests?: number | null;
  /** GitHub Copilot AI credits for these tokens, in nano-AIU (1e9 = one credit); absent or null when unknown. */
  nanoAiu?: number | null;
}

/**
 * What an adapter learned about a session from a stretch of a source: first and last
 * activity (any record with a timestamp, not only billable ones), project, parent.
 * The engine merges these: earliest start, latest end, first non-null project.
 */
export interface SessionActivity {
  type: 'activity';
  sessionExternalId: string;
  firstAt: string;
  lastAt: string;
  projectPath: string | null;
  parentExternalId: string | null;
  /** False where the agent keeps no token data for this session: tokens are then unknown. */
  tokensKnown: boolean;
  /** Optional human title (first prompt summary, composer name). */
  title: string | null;
  /**
   * Models the agent names for this session where it keeps no usage records (Copilot Chat,
   * Cursor's tokenless chats). Merged as a union with the models of usage records.
   */
  models?: string[];
  /**
   * Requests the agent counted for this session where it keeps no usage records; the session
   * shows it only while it has no usage records. Merged as the maximum seen.
   */
  requestCount?: number;
}

export type DiagnosticCode =
  'invalid-json' | 'invalid-record' | 'invalid-utf8' | 'line-too-long' | 'unreadable-source' | (string & {});

/** Malformed input is data: counted per source, shown with --verbose and in sync summaries. */
export interface AdapterDiagnostic {
  type: 'diagnostic';
  severity: 'warning' | 'error';
  code: DiagnosticCode;
  message: string;
  line: number | null;
}

/**
 * A safe resume point: everything yielded before it is complete, and reading again from
 * `offset` with `state` yields exactly what follows. The engine commits one transaction per
 * checkpoint, so a killed sync resumes cleanly.
 */
export interface CheckpointEvent {
  type: 'checkpoint';
  offset: number;
  state: JsonValue | null;
}

export type AdapterEvent = UsageEvent | SessionActivity | AdapterDiagnostic | CheckpointEvent;
