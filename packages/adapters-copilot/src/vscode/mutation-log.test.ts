import { describe, expect, it } from 'vitest';
import { MutationLogReplay } from './mutation-log.js';

function replay(entries: unknown[]): { state: unknown; rejected: (string | null)[] } {
  const log = new MutationLogReplay();
  const rejected = entries.map((e) => log.apply(e));
  return { state: log.state, rejected };
}

describe('MutationLogReplay', () => {
  it('applies set, push and delete in order', () => {
    const { state, rejected } = replay([
      { kind: 0, v: { sessionId: 's', requests: [], inputState: { selectedModel: { identifier: 'a' } } } },
      { kind: 2, k: ['requests'], v: [{ timestamp: 1 }, { timestamp: 2 }] },
      { kind: 1, k: ['requests', 1, 'modelId'], v: 'copilot/gpt-4.1' },
      { kind: 1, k: ['customTitle'], v: 'T' },
      { kind: 3, k: ['inputState', 'selectedModel'] },
    ]);
    expect(rejected).toEqual([null, null, null, null, null]);
    expect(state).toEqual({
      sessionId: 's',
      requests: [{ timestamp: 1 }, { timestamp: 2, modelId: 'copilot/gpt-4.1' }],
      inputState: {},
      customTitle: 'T',
    });
  });

  it('truncates to i before appending (a rewritten or removed request)', () => {
    const { state } = replay([
      { kind: 0, v: { requests: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] } },
      { kind: 2, k: ['requests'], v: [{ id: 'B' }], i: 1 },
      { kind: 2, k: ['requests'], i: 1 },
      { kind: 2, k: ['response'], v: [1] },
    ]);
    expect(state).toEqual({ requests: [{ id: 'a' }], response: [1] });
  });

  it('lets a set with an empty path, or a later initial entry, replace the whole state', () => {
    expect(
      replay([
        { kind: 0, v: { a: 1 } },
        { kind: 1, k: [], v: { b: 2 } },
      ]).state,
    ).toEqual({ b: 2 });
    expect(
      replay([
        { kind: 0, v: { a: 1 } },
        { kind: 0, v: { c: 3 } },
      ]).state,
    ).toEqual({ c: 3 });
  });

  it('rejects what VS Code could not apply, and keeps going', () => {
    const { state, rejected } = replay([
      { kind: 1, k: ['a'], v: 1 },
      { kind: 0, v: { requests: [{ x: 1 }] } },
      { kind: 1, k: ['missing', 'deep'], v: 1 },
      { kind: 2, k: ['requests'], v: [{ x: 2 }], i: 5 },
      { kind: 2, k: ['requests'], v: 'not-an-array' },
      { kind: 1, k: ['__proto__', 'polluted'], v: true },
      { kind: 7, k: [] },
      'text',
      { kind: 2, k: ['requests'], v: [{ x: 3 }] },
    ]);
    expect(rejected.map((r) => r !== null)).toEqual([true, false, true, true, true, true, true, true, false]);
    expect(state).toEqual({ requests: [{ x: 1 }, { x: 3 }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
