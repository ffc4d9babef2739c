import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { RIMURU_SESSION_NAMESPACE, sessionRowId } from './session-id.js';

describe('sessionRowId', () => {
  it('is a stable UUIDv5 of agent type and external id', () => {
    const id = sessionRowId('claude-code', 'ae4a77f8-aedd-4bc1-888f-c94edc91af04');
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(5);
    expect(sessionRowId('claude-code', 'ae4a77f8-aedd-4bc1-888f-c94edc91af04')).toBe(id);
    // Pinned: a changed namespace or key format would re-key every stored session.
    expect(id).toMatchInlineSnapshot(`"e1da1eb9-59d5-570c-933b-e20db27f5410"`);
  });
  it('differs by agent type and by external id', () => {
    const ids = new Set([
      sessionRowId('claude-code', 'a'),
      sessionRowId('codex', 'a'),
      sessionRowId('claude-code', 'b'),
      sessionRowId('cursor', 'a'),
    ]);
    expect(ids.size).toBe(4);
  });
  it('uses a valid fixed namespace', () => {
    expect(validate(RIMURU_SESSION_NAMESPACE)).toBe(true);
  });
});
