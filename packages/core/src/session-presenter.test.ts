import { describe, expect, it } from 'vitest';
import type { StoredSession } from './session.js';
import {
  presentModelRow,
  presentSessionDetail,
  presentSessionRow,
  presentStoredSessionRow,
  projectName,
  toSessionDetailJson,
  type DetailLine,
  type ModelUsageFigures,
} from './session-presenter.js';
import { toSessionJson } from './session-view.js';

function session(partial: Partial<StoredSession> = {}): StoredSession {
  return {
    id: '3f2a9c1e-aaaa-4bbb-8ccc-000000000000',
    externalId: 'ext-1',
    agentType: 'claude-code',
    agentName: 'claude-code-default',
    host: 'box',
    startedAt: new Date('2026-11-25T10:00:00.000Z'),
    endedAt: new Date('2026-11-25T10:15:32.000Z'),
    projectPath: '/home/u/my-project',
    model: 'claude-sonnet-4-5',
    models: ['claude-sonnet-4-5'],
    tokens: { input: 10_000, output: 2_000, cacheRead: 500, cacheWrite5m: 100, cacheWrite1h: 20, reasoning: 7 },
    requestCount: 3,
    unpricedRequestCount: 0,
    calculatedCostNanos: 23_400_000n,
    recordedCostNanos: 50_000_000n,
    autoCostNanos: 50_000_000n,
    endedByHook: false,
    parentExternalId: null,
    title: null,
    updatedAt: new Date('2026-11-25T10:15:32.000Z'),
    ...partial,
  };
}

const opts = {
  now: new Date('2026-11-25T10:17:00.000Z'),
  activeWindowMs: 5 * 60_000,
  costMode: 'auto' as const,
  zone: 'Asia/Kathmandu',
};
const text = (lines: DetailLine[]) => lines.map((l) => ('text' in l ? l.text : `${l.label}${l.value}`));

describe('session row presenter', () => {
  it('formats every cell from the session view: zone, status, tokens, cost in the cost mode', () => {
    expect(presentStoredSessionRow(session(), opts)).toEqual({
      id: '3f2a9c1e-aaaa-4bbb-8ccc-000000000000',
      shortId: '3f2a9c1e…',
      agent: '⟁ claude-code',
      project: 'my-project',
      started: '2026-11-25 15:45',
      startedShort: '11-25 15:45',
      duration: '15m 32s',
      tokens: '12.6K',
      cost: '$0.0500',
      active: true,
    });
    expect(presentStoredSessionRow(session(), { ...opts, costMode: 'calculate' }).cost).toBe('$0.0234');
  });

  it('shows unknown tokens and cost as —, and another year by its date alone', () => {
    const row = presentStoredSessionRow(
      session({ tokens: null, startedAt: new Date('2025-12-16T08:00:00.000Z') }),
      opts,
    );
    expect(row.tokens).toBe('—');
    expect(row.cost).toBe('—');
    expect(row.startedShort).toBe('2025-12-16');
  });

  it('gives the same row from the JSON view as from the stored session; without an instant the short start is the full one', () => {
    const json = toSessionJson(session(), opts);
    expect(presentSessionRow(json, opts)).toEqual(presentStoredSessionRow(session(), opts));
    expect(presentSessionRow(json, { zone: 'UTC' }).startedShort).toBe('2026-11-25 10:00');
  });

  it('shortens a project to its last path segment', () => {
    expect(projectName(null)).toBe('—');
    expect(projectName('C:\\work\\app\\')).toBe('app');
  });
});

describe('session detail presenter', () => {
  const byModel: ModelUsageFigures[] = [
    {
      model: 'claude-sonnet-4-5',
      requestCount: 2,
      unpricedRequestCount: 0,
      tokens: { input: 9_000, output: 1_500, cacheRead: 500, cacheWrite5m: 100, cacheWrite1h: 20, reasoning: 0 },
      calculatedCostNanos: 20_000_000n,
      recordedCostNanos: null,
      autoCostNanos: 20_000_000n,
    },
    {
      model: null,
      requestCount: 1,
      unpricedRequestCount: 1,
      tokens: { input: 1_000, output: 500, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
      calculatedCostNanos: 0n,
      recordedCostNanos: null,
      autoCostNanos: 0n,
    },
  ];

  it('says status, times, exact tokens, cost with its source, models and the unpriced count', () => {
    const detail = toSessionDetailJson(
      session({ unpricedRequestCount: 1, parentExternalId: 'parent-9' }),
      byModel,
      opts,
    );
    const lines = text(presentSessionDetail({ ...detail, title: 'Fix the build' }, 'UTC'));
    expect(lines).toContain('Status      active');
    expect(lines).toContain('Parent      parent-9');
    expect(lines).toContain('Title       Fix the build');
    expect(lines).toContain('Duration    15m 32s');
    expect(lines).toContain('Tokens      12,620');
    expect(lines).toContain('  cache write  120 (5m 100, 1h 20)');
    expect(lines).toContain('  reasoning    7');
    expect(lines).toContain('Cost        $0.0500 (recorded)');
    expect(lines).toContain('  calculated   $0.0234');
    expect(lines).toContain('  1 request has no known price (cost 0)');
    expect(lines.find((l) => l.startsWith('Started'))).toMatch(/2026-11-25 10:00:00/);
  });

  it('says unknown where the agent keeps no token data', () => {
    const lines = text(presentSessionDetail(toSessionDetailJson(session({ tokens: null }), [], opts), 'UTC'));
    expect(lines).toContain('Tokens      unknown (this agent keeps no token data)');
    expect(lines).toContain('Cost        unknown (unknown)');
  });

  it('marks long values for shortening: paths in the middle, texts at the end', () => {
    const lines = presentSessionDetail(toSessionDetailJson(session(), [], opts), 'UTC');
    const shorten = Object.fromEntries(
      lines
        .filter((l) => 'label' in l)
        .map((l) => [('label' in l ? l.label : '').trim(), 'shorten' in l ? l.shorten : null]),
    );
    expect(shorten).toMatchObject({
      Project: 'middle',
      'Agent id': 'middle',
      Agent: 'end',
      Models: 'end',
      Status: null,
    });
  });

  it('formats model rows: an unpriced model says so, a null model is (unknown)', () => {
    const detail = toSessionDetailJson(session(), byModel, { ...opts, costMode: 'calculate' });
    expect(detail.byModel.map(presentModelRow)).toEqual([
      {
        model: 'claude-sonnet-4-5',
        requests: '2',
        input: '9K',
        output: '1.5K',
        cacheRead: '500',
        cacheWrite: '120',
        total: '11.1K',
        cost: '$0.0200',
      },
      {
        model: '(unknown)',
        requests: '1',
        input: '1K',
        output: '500',
        cacheRead: '0',
        cacheWrite: '0',
        total: '1.5K',
        cost: 'unpriced',
      },
    ]);
  });
});
