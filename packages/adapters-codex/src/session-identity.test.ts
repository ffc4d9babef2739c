import { describe, expect, it } from 'vitest';
import { fallbackSessionId, identityFromFirstRecord } from './session-identity.js';

describe('fallbackSessionId', () => {
  it('takes the UUID out of a rollout file name', () => {
    expect(
      fallbackSessionId(
        '/h/.codex/sessions/2026/02/23/rollout-2026-02-23T12-40-23-019C8A4C-ED82-79a1-aa28-7738fc5ab61a.jsonl',
      ),
    ).toBe('019c8a4c-ed82-79a1-aa28-7738fc5ab61a');
  });

  it('uses the path under sessions/ or archived_sessions/ for other names, else the stem', () => {
    expect(fallbackSessionId('/h/.codex/sessions/project-alpha/session-alpha.jsonl')).toBe(
      'project-alpha/session-alpha',
    );
    expect(fallbackSessionId('/h/.codex/archived_sessions/old.jsonl')).toBe('old');
    expect(fallbackSessionId('/tmp/elsewhere/loose.jsonl')).toBe('loose');
  });
});

describe('identityFromFirstRecord', () => {
  const path = '/h/.codex/sessions/2026/01/01/x.jsonl';

  it('reads id, cwd and start from session_meta', () => {
    const record = {
      timestamp: '2026-01-01T00:00:05Z',
      type: 'session_meta',
      payload: { id: 'abc', cwd: '/w', timestamp: '2026-01-01T00:00:00Z', source: 'cli' },
    };
    expect(identityFromFirstRecord(record, path)).toEqual({
      sessionId: 'abc',
      parentId: null,
      projectPath: '/w',
      threadSpawn: false,
      startedAt: '2026-01-01T00:00:00Z',
      problem: null,
    });
  });

  it('notes the parent of a thread_spawn child and of other subagents', () => {
    const spawn = {
      type: 'session_meta',
      payload: { id: 'child', source: { subagent: { thread_spawn: { parent_thread_id: 'parent', depth: 1 } } } },
    };
    expect(identityFromFirstRecord(spawn, path)).toMatchObject({
      sessionId: 'child',
      parentId: 'parent',
      threadSpawn: true,
    });
    const review = {
      type: 'session_meta',
      payload: { id: 'rev', parent_thread_id: 'p2', source: { subagent: { other: 'review' } } },
    };
    expect(identityFromFirstRecord(review, path)).toMatchObject({
      sessionId: 'rev',
      parentId: 'p2',
      threadSpawn: false,
    });
    const plain = { type: 'session_meta', payload: { id: 'x', parent_thread_id: 'ignored', source: 'cli' } };
    expect(identityFromFirstRecord(plain, path)).toMatchObject({ parentId: null });
  });

  it('reads the legacy bare header and falls back to the file name otherwise', () => {
    expect(
      identityFromFirstRecord(
        { id: 'legacy-1', timestamp: '2025-08-01T00:00:00Z', instructions: null, git: null },
        path,
      ),
    ).toMatchObject({
      sessionId: 'legacy-1',
      problem: null,
    });
    expect(identityFromFirstRecord({ type: 'turn_context', payload: { model: 'gpt-5' } }, path)).toMatchObject({
      sessionId: '2026/01/01/x',
      problem: null,
    });
    expect(identityFromFirstRecord({ type: 'session_meta', payload: { cwd: '/w' } }, path)).toMatchObject({
      sessionId: '2026/01/01/x',
      projectPath: '/w',
    });
    expect(identityFromFirstRecord({ type: 'session_meta', payload: { cwd: '/w' } }, path).problem).toMatch(
      /without an id/,
    );
  });
});
