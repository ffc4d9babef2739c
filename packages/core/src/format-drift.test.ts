import { describe, expect, it } from 'vitest';
import {
  formatDriftOf,
  mergeRecordedFormatDrift,
  parseRecordedFormatDrift,
  type AgentReadStats,
} from './format-drift.js';

const stats = (over: Partial<AgentReadStats>): AgentReadStats => ({
  agentType: 'gemini-cli',
  sourcesChanged: 0,
  bytesRead: 0,
  usageEvents: 0,
  tokenlessSessions: 0,
  diagnostics: 0,
  ...over,
});

describe('formatDriftOf', () => {
  it('flags changed sources that yield no usage once enough changed', () => {
    const drift = formatDriftOf(stats({ sourcesChanged: 12, bytesRead: 4096 }));
    expect(drift?.reason).toBe('no-usage');
    expect(drift?.message).toBe(
      'gemini-cli: 12 files changed, 0 usage records: its format may have changed; `rimuru sync --verbose` lists them',
    );
    expect(formatDriftOf(stats({ sourcesChanged: 1, bytesRead: 300 * 1024 }))?.reason).toBe('no-usage');
  });

  it('stays quiet for a session just begun, for agents that keep no tokens, and when usage was read', () => {
    expect(formatDriftOf(stats({ sourcesChanged: 2, bytesRead: 10_000 }))).toBeNull();
    expect(formatDriftOf(stats({ sourcesChanged: 40, bytesRead: 10_000_000, tokenlessSessions: 40 }))).toBeNull();
    expect(formatDriftOf(stats({ sourcesChanged: 40, bytesRead: 10_000_000, usageEvents: 1 }))).toBeNull();
  });

  it('flags a large share of records with an unknown shape, not a few', () => {
    expect(formatDriftOf(stats({ sourcesChanged: 5, usageEvents: 60, diagnostics: 20 }))?.reason).toBe('unknown-lines');
    expect(formatDriftOf(stats({ sourcesChanged: 5, usageEvents: 61, diagnostics: 20 }))).toBeNull();
    expect(formatDriftOf(stats({ sourcesChanged: 5, usageEvents: 10, diagnostics: 19 }))).toBeNull();
  });
});

describe('kept format-drift verdicts', () => {
  const at = new Date('2026-11-30T10:00:00.000Z');
  const drift = formatDriftOf(stats({ sourcesChanged: 12 }))!;

  it('keeps a new warning, clears the warning of an agent read cleanly, and leaves agents not read alone', () => {
    const first = parseRecordedFormatDrift(mergeRecordedFormatDrift([], ['gemini-cli', 'codex'], [drift], at));
    expect(first).toEqual([{ ...drift, at: at.toISOString() }]);
    const other = { ...drift, agentType: 'qwen-code' };
    const second = parseRecordedFormatDrift(mergeRecordedFormatDrift(first, ['qwen-code'], [other], at));
    expect(second.map((d) => d.agentType).sort()).toEqual(['gemini-cli', 'qwen-code']);
    expect(
      parseRecordedFormatDrift(mergeRecordedFormatDrift(second, ['gemini-cli'], [], at)).map((d) => d.agentType),
    ).toEqual(['qwen-code']);
  });

  it('writes nothing when nothing is or was kept, and reads an unreadable value as none', () => {
    expect(mergeRecordedFormatDrift([], ['codex'], [], at)).toBeNull();
    expect(parseRecordedFormatDrift('not json')).toEqual([]);
    expect(parseRecordedFormatDrift(null)).toEqual([]);
  });
});
