import type { StoredSession } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { fit, headerLine, projectName, rowLine, toSessionRow } from './session-row.js';

function session(partial: Partial<StoredSession> = {}): StoredSession {
  return {
    id: '3f2a9c1e-aaaa-4bbb-8ccc-000000000000',
    externalId: 'ext-1',
    agentType: 'claude-code',
    agentName: 'claude-code-default',
    host: 'h',
    startedAt: new Date('2026-11-25T10:00:00.000Z'),
    endedAt: new Date('2026-11-25T10:15:32.000Z'),
    projectPath: '/home/u/my-project',
    model: 'claude-sonnet-4-5',
    models: ['claude-sonnet-4-5'],
    tokens: { input: 10_000, output: 2_000, cacheRead: 500, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    requestCount: 3,
    unpricedRequestCount: 0,
    calculatedCostNanos: 23_400_000n,
    recordedCostNanos: null,
    autoCostNanos: 23_400_000n,
    endedByHook: false,
    parentExternalId: null,
    title: null,
    updatedAt: new Date('2026-11-25T10:15:32.000Z'),
    ...partial,
  };
}

const ctx = { now: new Date('2026-11-25T12:00:00.000Z'), activeWindowMs: 5 * 60_000, costMode: 'auto' as const };

describe('session rows', () => {
  it('formats id, icon + type, duration, tokens and cost as the seed shows them', () => {
    expect(toSessionRow(session(), ctx)).toEqual({
      id: '3f2a9c1e-aaaa-4bbb-8ccc-000000000000',
      shortId: '3f2a9c1e…',
      agent: '⟁ claude-code',
      project: 'my-project',
      duration: '15m 32s',
      tokens: '12.5K',
      cost: '$0.0234',
      active: false,
    });
  });

  it('shows — for unknown tokens and cost, and marks active sessions', () => {
    const row = toSessionRow(session({ agentType: 'cursor', tokens: null, endedAt: new Date('2026-11-25T11:58:00.000Z') }), ctx);
    expect(row).toMatchObject({ agent: '◫ cursor', tokens: '—', cost: '—', active: true });
    expect(rowLine(row, 80).startsWith('● ')).toBe(true);
    expect(toSessionRow(session({ agentType: 'copilot' }), ctx).agent).toBe('◈ copilot');
    expect(toSessionRow(session({ agentType: 'codex' }), ctx).agent).toBe('◎ codex');
  });

  it('fits every line to the terminal width, dropping the project when there is no room', () => {
    const row = toSessionRow(session({ projectPath: `/p/${'x'.repeat(200)}` }), ctx);
    for (const width of [40, 80, 132]) {
      expect([...rowLine(row, width)].length).toBe(width);
      expect([...headerLine(width)].length).toBe(width);
    }
    expect(headerLine(80)).toContain('Project');
    expect(headerLine(60)).not.toContain('Project');
    expect(rowLine(row, 80)).toContain('x…');
  });

  it('cuts with an ellipsis and pads either side', () => {
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fit('ab', 4, 'right')).toBe('  ab');
    expect(fit('ab', 0)).toBe('');
    expect(projectName(null)).toBe('—');
    expect(projectName('C:\\work\\app\\')).toBe('app');
  });
});
