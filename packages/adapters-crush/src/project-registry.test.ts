import { describe, expect, it } from 'vitest';
import { parseRegistry } from './project-registry.js';

describe('parseRegistry', () => {
  it("reads Crush's {projects: [...]} with absolute and relative data directories", () => {
    const doc = {
      projects: [
        { path: '/w/a', data_dir: '/w/a/.crush', last_accessed: '2026-01-02T00:00:00Z' },
        { path: '/w/b', data_dir: 'state' },
        { path: '/w/c' },
      ],
    };
    expect(parseRegistry(JSON.stringify(doc))).toEqual([
      { path: '/w/a', dataDir: '/w/a/.crush' },
      { path: '/w/b', dataDir: '/w/b/state' },
      { path: '/w/c', dataDir: '/w/c/.crush' },
    ]);
  });

  it('accepts a bare array or an object keyed by id, and skips unusable entries', () => {
    expect(parseRegistry(JSON.stringify([{ path: '/x', data_dir: '/x/.crush' }, { path: 'relative' }, 7]))).toEqual([
      { path: '/x', dataDir: '/x/.crush' },
    ]);
    expect(parseRegistry(JSON.stringify({ p1: { path: '/y', data_dir: '/d' } }))).toEqual([
      { path: '/y', dataDir: '/d' },
    ]);
    expect(parseRegistry('not json')).toBeNull();
    expect(parseRegistry('42')).toBeNull();
  });
});
