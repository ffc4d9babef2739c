import type { StoredSession } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { fit, headerLine, projectName, rowLine, sessionColumns, toSessionRow } from './session-row.js';

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

const ctx = {
  now: new Date('2026-11-25T12:00:00.000Z'),
  activeWindowMs: 5 * 60_000,
  costMode: 'auto' as const,
  zone: 'Asia/Kathmandu',
};
const visible = (line: string) => [...line].length;

describe('session rows', () => {
  it('formats id, icon + type, start in the zone, duration, tokens and cost', () => {
    expect(toSessionRow(session(), ctx)).toEqual({
      id: '3f2a9c1e-aaaa-4bbb-8ccc-000000000000',
      shortId: '3f2a9c1e…',
      agent: '⟁ claude-code',
      project: 'my-project',
      started: '2026-11-25 15:45',
      startedShort: '11-25 15:45',
      duration: '15m 32s',
      tokens: '12.5K',
      cost: '$0.0234',
      active: false,
    });
    // Another year keeps its year: a start in 2025 never reads as this year's.
    expect(toSessionRow(session({ startedAt: new Date('2025-12-16T08:00:00.000Z') }), ctx).startedShort).toBe(
      '2025-12-16',
    );
  });

  it('shows — for unknown tokens and cost, and marks active sessions', () => {
    const row = toSessionRow(
      session({ agentType: 'cursor', tokens: null, endedAt: new Date('2026-11-25T11:58:00.000Z') }),
      ctx,
    );
    expect(row).toMatchObject({ agent: '◫ cursor', tokens: '—', cost: '—', active: true });
    expect(rowLine(row, 80).trimEnd().endsWith('active')).toBe(true);
    expect(rowLine(toSessionRow(session(), ctx), 80).trimEnd().endsWith('done')).toBe(true);
    expect(rowLine(row, 120)).toContain('● active');
    expect(toSessionRow(session({ agentType: 'copilot' }), ctx).agent).toBe('◈ copilot');
    expect(toSessionRow(session({ agentType: 'codex' }), ctx).agent).toBe('◎ codex');
  });

  it('shows Started and Status at 80 columns, and marks the sorted column with ↓', () => {
    expect(headerLine(80)).toMatch(/^Session +Agent +Project +Started↓ +Duration +Tokens +Cost Status$/);
    expect(headerLine(80, 'cost')).toMatch(/Started +Duration +Tokens +Cost↓ Status$/);
    expect(headerLine(120)).toMatch(/Started↓ +Duration +Tokens +Cost Status/);
    const line = rowLine(toSessionRow(session(), ctx), 80);
    expect(line).toMatch(/^3f2a9c1e… ⟁ claude-code my-proje… 11-25 15:45 +15m 32s +12\.5K +\$0\.0234 done +$/);
    expect(rowLine(toSessionRow(session(), ctx), 120)).toContain('2026-11-25 15:45');
  });

  it('fits every line to the width, dropping columns but never the sorted one', () => {
    const row = toSessionRow(session({ projectPath: `/p/${'x'.repeat(200)}` }), ctx);
    for (const width of [40, 60, 80, 132]) {
      expect(visible(rowLine(row, width))).toBe(width);
      expect(visible(headerLine(width))).toBe(width);
    }
    expect(headerLine(80)).toContain('Project');
    // 70 columns: the duration goes first so the project keeps its room …
    expect(headerLine(70)).not.toContain('Duration');
    expect(headerLine(70)).toContain('Project');
    // … unless the list is sorted by duration.
    expect(headerLine(70, 'duration')).toContain('Duration↓');
    expect(sessionColumns(50, 'tokens').map((c) => c.key)).toContain('tokens');
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
