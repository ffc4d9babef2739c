import { describe, expect, it } from 'vitest';
import { sessionIdFromPath } from './session-from-path.js';

describe('sessionIdFromPath', () => {
  it('uses the file stem of a main transcript', () => {
    expect(sessionIdFromPath('/h/.claude/projects/-a-b/0d9f.jsonl')).toBe('0d9f');
  });
  it('uses the parent session directory of subagent and workflow transcripts', () => {
    expect(sessionIdFromPath('/h/.claude/projects/-a-b/0d9f/subagents/agent-x.jsonl')).toBe('0d9f');
    expect(sessionIdFromPath('/h/.claude/projects/-a-b/0d9f/subagents/workflows/r1/agent-y.jsonl')).toBe('0d9f');
  });
  it('keeps the stem of a flat agent file', () => {
    expect(sessionIdFromPath('/h/.claude/projects/-a-b/agent-1234.jsonl')).toBe('agent-1234');
  });
});
