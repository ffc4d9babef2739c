import { describe, expect, it } from 'vitest';
import { formatDriftOf, type AgentReadStats } from './format-drift.js';

const stats = (over: Partial<AgentReadStats>): AgentReadStats => ({
  agentType: 'gemini-cli', sourcesChanged: 0, bytesRead: 0, usageEvents: 0, tokenlessSessions: 0, diagnostics: 0, ...over,
});

describe('formatDriftOf', () => {
  it('flags changed sources that yield no usage once enough changed', () => {
    const drift = formatDriftOf(stats({ sourcesChanged: 12, bytesRead: 4096 }));
    expect(drift?.reason).toBe('no-usage');
    expect(drift?.message).toBe('gemini-cli: 12 files changed, 0 usage records: its format may have changed; `rimuru sync --verbose` lists them');
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
