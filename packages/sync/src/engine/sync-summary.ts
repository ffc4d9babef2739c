import type { AgentType, FormatDrift } from '@rimuru/core';

interface SourceDiagnosticSample {
  agentType: AgentType;
  path: string;
  line: number | null;
  code: string;
  message: string;
}

export interface SyncSummary {
  sourcesSeen: number;
  sourcesRead: number;
  /** Sources read again from the start because they were truncated, replaced or rewritten. */
  sourcesReread: number;
  bytesRead: number;
  usageInserted: number;
  usageReplaced: number;
  usageIgnored: number;
  replaysDropped: number;
  sessionsTouched: number;
  diagnostics: number;
  /** The first few diagnostics, for --verbose. */
  diagnosticSamples: SourceDiagnosticSample[];
  /** Adapters that could not run (bad configuration, unreadable roots): one line each. */
  adapterErrors: { agentType: AgentType; message: string }[];
  /** Agents whose changed files read as (almost) nothing: one warning each (core's formatDriftOf). */
  formatDrift: FormatDrift[];
  durationMs: number;
}

export function emptySummary(): SyncSummary {
  return {
    sourcesSeen: 0,
    sourcesRead: 0,
    sourcesReread: 0,
    bytesRead: 0,
    usageInserted: 0,
    usageReplaced: 0,
    usageIgnored: 0,
    replaysDropped: 0,
    sessionsTouched: 0,
    diagnostics: 0,
    diagnosticSamples: [],
    adapterErrors: [],
    formatDrift: [],
    durationMs: 0,
  };
}

export interface SyncProgress {
  bytesDone: number;
  bytesTotal: number;
  sourcesDone: number;
  sourcesTotal: number;
}
