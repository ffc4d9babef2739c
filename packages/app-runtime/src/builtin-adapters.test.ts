import { BUILTIN_AGENT_TYPES } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ADAPTERS, builtinAdapter, builtinAdapters } from './builtin-adapters.js';

describe('built-in adapters', () => {
  it('registers one adapter per built-in agent type, under its own id', () => {
    expect(
      builtinAdapters()
        .map((a) => a.id)
        .sort(),
    ).toEqual([...BUILTIN_AGENT_TYPES].sort());
    for (const [type, adapter] of Object.entries(BUILTIN_ADAPTERS)) expect(adapter.id).toBe(type);
  });

  it('finds a built-in by agent type and nothing for other types', () => {
    expect(builtinAdapter('codex')).toBe(BUILTIN_ADAPTERS.codex);
    expect(builtinAdapter('acme-agent')).toBeNull();
    expect(builtinAdapter('toString')).toBeNull();
  });
});
