import type { AgentType } from './agent-type.js';

/** What one sync read of one agent's changed sources. */
export interface AgentReadStats {
  agentType: AgentType;
  /** Sources read because they changed (new bytes, or rewritten). */
  sourcesChanged: number;
  /** New bytes read. */
  bytesRead: number;
  /** Usage events the adapter produced (before de-duplication). */
  usageEvents: number;
  /** Sessions the adapter reported as keeping no token data (Copilot Chat and the like). */
  tokenlessSessions: number;
  /** Lines or records the adapter could not interpret. */
  diagnostics: number;
}

/** A warning that an agent's files may have changed format: they grow, but read as nothing. */
export interface FormatDrift {
  agentType: AgentType;
  sourcesChanged: number;
  usageEvents: number;
  diagnostics: number;
  reason: 'no-usage' | 'unknown-lines';
  message: string;
}

/**
 * Below these, silence is normal: a session just begun has no reply yet, and a few odd lines
 * are the agent's own noise. Above them, a parser that recognises nothing is the likelier story.
 */
const MIN_SOURCES_FOR_NO_USAGE = 3;
const MIN_BYTES_FOR_NO_USAGE = 256 * 1024;
const MIN_DIAGNOSTICS = 20;
/** Share of interpreted items that were not understood. */
const UNKNOWN_SHARE = 0.25;

/**
 * The format-drift rule. An agent whose changed sources yield no usage (and no sessions it
 * declares tokenless) is drifting once enough changed; so is one where a large share of what
 * was read had an unknown shape. Agents that keep no tokens say so through tokenless sessions
 * and never trip the first rule.
 */
export function formatDriftOf(stats: AgentReadStats): FormatDrift | null {
  const { agentType, sourcesChanged, usageEvents, diagnostics } = stats;
  const hint = '`rimuru sync --verbose` lists them';
  const enoughChanged = sourcesChanged >= MIN_SOURCES_FOR_NO_USAGE || stats.bytesRead >= MIN_BYTES_FOR_NO_USAGE;
  if (enoughChanged && usageEvents === 0 && stats.tokenlessSessions === 0) {
    const files = `${sourcesChanged} ${sourcesChanged === 1 ? 'file' : 'files'}`;
    return {
      agentType,
      sourcesChanged,
      usageEvents,
      diagnostics,
      reason: 'no-usage',
      message: `${agentType}: ${files} changed, 0 usage records: its format may have changed; ${hint}`,
    };
  }
  if (diagnostics >= MIN_DIAGNOSTICS && diagnostics >= UNKNOWN_SHARE * (usageEvents + diagnostics)) {
    return {
      agentType,
      sourcesChanged,
      usageEvents,
      diagnostics,
      reason: 'unknown-lines',
      message: `${agentType}: ${diagnostics} of ${usageEvents + diagnostics} records read had an unknown shape: its format may have changed; ${hint}`,
    };
  }
  return null;
}

/** Meta key of the last format-drift verdict per agent, kept by sync for `agents` and `doctor`. */
export const FORMAT_DRIFT_META_KEY = 'formatDrift';

/** A kept warning: the drift and when the sync that saw it ran. */
export interface RecordedFormatDrift extends FormatDrift {
  at: string;
}

/** The kept warnings, from the meta value (null or unreadable: none). */
export function parseRecordedFormatDrift(text: string | null): RecordedFormatDrift[] {
  if (text === null) return [];
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null
      ? Object.values(value as Record<string, RecordedFormatDrift>)
      : [];
  } catch {
    return []; // the next sync that reads the agent writes it anew
  }
}

/**
 * Each agent's latest verdict: agents read in this sync get their new warning or lose their
 * old one; agents with nothing new keep what an earlier sync found. Null when nothing is kept
 * and nothing was before (no meta row to write).
 */
export function mergeRecordedFormatDrift(
  previous: readonly RecordedFormatDrift[],
  agentsRead: readonly string[],
  drift: readonly FormatDrift[],
  at: Date,
): string | null {
  const byAgent = new Map(previous.map((d) => [d.agentType, d] as const));
  for (const agentType of agentsRead) byAgent.delete(agentType);
  for (const d of drift) byAgent.set(d.agentType, { ...d, at: at.toISOString() });
  if (previous.length === 0 && byAgent.size === 0) return null;
  return JSON.stringify(Object.fromEntries(byAgent));
}
