import { describe, expect, it } from 'vitest';
import type { SessionJson, StoredSession } from './session.js';
import {
  DEFAULT_ACTIVE_WINDOW_MINUTES,
  selectCostNanos,
  sessionCost,
  sessionStatus,
  toSessionJson,
} from './session-view.js';

const MIN = 60_000;
const WINDOW = DEFAULT_ACTIVE_WINDOW_MINUTES * MIN;

function session(overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    id: '0b9f4a8e-1111-5222-8333-444455556666',
    externalId: 'ext-1',
    agentType: 'claude-code',
    agentName: 'claude-code-default',
    host: 'box',
    startedAt: new Date('2026-03-10T10:00:00Z'),
    endedAt: new Date('2026-03-10T11:30:15.500Z'),
    projectPath: '/home/u/proj',
    model: 'claude-sonnet-4-5-20250929',
    models: ['claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001'],
    tokens: { input: 100, output: 200, cacheRead: 3000, cacheWrite5m: 40, cacheWrite1h: 60, reasoning: 50 },
    requestCount: 4,
    unpricedRequestCount: 0,
    calculatedCostNanos: 12_345_678n,
    recordedCostNanos: null,
    autoCostNanos: 12_345_678n,
    endedByHook: false,
    parentExternalId: null,
    title: null,
    updatedAt: new Date('2026-03-10T11:31:00Z'),
    ...overrides,
  };
}

describe('sessionStatus', () => {
  const endedAt = new Date('2026-03-10T12:00:00Z');
  const at = (ms: number) => new Date(endedAt.getTime() + ms);

  it('is active within the window, inclusive', () => {
    expect(sessionStatus({ endedAt, endedByHook: false }, { now: at(0), activeWindowMs: WINDOW })).toBe('active');
    expect(sessionStatus({ endedAt, endedByHook: false }, { now: at(WINDOW), activeWindowMs: WINDOW })).toBe('active');
    expect(sessionStatus({ endedAt, endedByHook: false }, { now: at(WINDOW + 1), activeWindowMs: WINDOW })).toBe(
      'completed',
    );
  });
  it('treats activity after now (clock skew) as active', () => {
    expect(sessionStatus({ endedAt, endedByHook: false }, { now: at(-MIN), activeWindowMs: WINDOW })).toBe('active');
  });
  it('is completed once a hook reported the end, even inside the window', () => {
    expect(sessionStatus({ endedAt, endedByHook: true }, { now: at(0), activeWindowMs: WINDOW })).toBe('completed');
  });
  it('honours a custom window', () => {
    expect(sessionStatus({ endedAt, endedByHook: false }, { now: at(30 * MIN), activeWindowMs: 60 * MIN })).toBe(
      'active',
    );
  });
});

describe('sessionCost', () => {
  it('unknown tokens: cost 0, unknown, in every mode', () => {
    const s = session({ tokens: null, requestCount: 0, calculatedCostNanos: 0n, autoCostNanos: 0n });
    for (const mode of ['auto', 'calculate', 'recorded'] as const) {
      expect(sessionCost(s, mode)).toEqual({ costNanos: 0n, costSource: 'unknown' });
    }
  });

  it('calculate: the calculated cost, unpriced when no request had a price', () => {
    expect(sessionCost(session(), 'calculate')).toEqual({ costNanos: 12_345_678n, costSource: 'calculated' });
    expect(sessionCost(session({ unpricedRequestCount: 2 }), 'calculate')).toEqual({
      costNanos: 12_345_678n,
      costSource: 'calculated',
    });
    expect(
      sessionCost(session({ unpricedRequestCount: 4, calculatedCostNanos: 0n, autoCostNanos: 0n }), 'calculate'),
    ).toEqual({ costNanos: 0n, costSource: 'unpriced' });
  });

  it('calculate: a session with known tokens and no requests is calculated at 0', () => {
    const s = session({ requestCount: 0, calculatedCostNanos: 0n, autoCostNanos: 0n });
    expect(sessionCost(s, 'calculate')).toEqual({ costNanos: 0n, costSource: 'calculated' });
  });

  it('recorded: only what the agent wrote; nothing recorded → 0, unknown', () => {
    const recorded = session({ recordedCostNanos: 9_000_000n, autoCostNanos: 11_000_000n });
    expect(sessionCost(recorded, 'recorded')).toEqual({ costNanos: 9_000_000n, costSource: 'recorded' });
    expect(sessionCost(session(), 'recorded')).toEqual({ costNanos: 0n, costSource: 'unknown' });
  });

  it('auto: recorded-where-present sum when anything was recorded, else as calculate', () => {
    const recorded = session({ recordedCostNanos: 9_000_000n, autoCostNanos: 11_000_000n });
    expect(sessionCost(recorded, 'auto')).toEqual({ costNanos: 11_000_000n, costSource: 'recorded' });
    expect(sessionCost(session(), 'auto')).toEqual({ costNanos: 12_345_678n, costSource: 'calculated' });
    expect(sessionCost(session({ unpricedRequestCount: 4, calculatedCostNanos: 0n }), 'auto')).toEqual({
      costNanos: 0n,
      costSource: 'unpriced',
    });
  });
});

describe('toSessionJson', () => {
  const now = new Date('2026-03-10T11:32:00Z');

  it('has exactly the design §4 keys, in order, with ISO UTC times and summed cache writes', () => {
    const json = toSessionJson(session(), { now, activeWindowMs: WINDOW, costMode: 'auto' });
    expect(Object.keys(json)).toEqual([
      'id',
      'externalId',
      'agentType',
      'agentName',
      'status',
      'startedAt',
      'endedAt',
      'durationMs',
      'inputTokens',
      'outputTokens',
      'cacheReadTokens',
      'cacheWriteTokens',
      'reasoningTokens',
      'totalTokens',
      'model',
      'models',
      'projectPath',
      'costUsd',
      'costSource',
      'requestCount',
    ]);
    expect(json).toEqual<SessionJson>({
      id: '0b9f4a8e-1111-5222-8333-444455556666',
      externalId: 'ext-1',
      agentType: 'claude-code',
      agentName: 'claude-code-default',
      status: 'active',
      startedAt: '2026-03-10T10:00:00.000Z',
      endedAt: '2026-03-10T11:30:15.500Z',
      durationMs: 5_415_500,
      inputTokens: 100,
      outputTokens: 200,
      cacheReadTokens: 3000,
      cacheWriteTokens: 100,
      reasoningTokens: 50,
      totalTokens: 3400,
      model: 'claude-sonnet-4-5-20250929',
      models: ['claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001'],
      projectPath: '/home/u/proj',
      costUsd: 0.012346,
      costSource: 'calculated',
      requestCount: 4,
    });
  });

  it('nulls every token figure when tokens are unknown', () => {
    const json = toSessionJson(session({ tokens: null }), { now, activeWindowMs: WINDOW, costMode: 'auto' });
    expect(json).toMatchObject({
      inputTokens: null,
      outputTokens: null,
      cacheReadTokens: null,
      cacheWriteTokens: null,
      reasoningTokens: null,
      totalTokens: null,
      costUsd: 0,
      costSource: 'unknown',
    });
  });

  it('follows the cost mode and the active window', () => {
    const s = session({ recordedCostNanos: 1_000_000_000n, autoCostNanos: 1_500_000_000n });
    const later = new Date('2026-03-10T12:00:00Z');
    expect(toSessionJson(s, { now: later, activeWindowMs: WINDOW, costMode: 'recorded' })).toMatchObject({
      status: 'completed',
      costUsd: 1,
      costSource: 'recorded',
    });
    expect(toSessionJson(s, { now: later, activeWindowMs: WINDOW, costMode: 'auto' }).costUsd).toBe(1.5);
    expect(toSessionJson(s, { now: later, activeWindowMs: WINDOW, costMode: 'calculate' }).costUsd).toBe(0.012346);
  });

  it('never reports a negative duration and does not share the models array', () => {
    const s = session({ startedAt: new Date('2026-03-10T12:00:00Z'), endedAt: new Date('2026-03-10T11:00:00Z') });
    const json = toSessionJson(s, { now, activeWindowMs: WINDOW, costMode: 'auto' });
    expect(json.durationMs).toBe(0);
    expect(json.models).not.toBe(s.models);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('selectCostNanos', () => {
  const totals = { calculatedCostNanos: 100n, recordedCostNanos: 40n, autoCostNanos: 70n };
  it('picks the figure of each cost mode', () => {
    expect(selectCostNanos(totals, 'calculate')).toBe(100n);
    expect(selectCostNanos(totals, 'recorded')).toBe(40n);
    expect(selectCostNanos(totals, 'auto')).toBe(70n);
  });
  it('shows 0 in recorded mode when nothing was recorded', () => {
    expect(selectCostNanos({ ...totals, recordedCostNanos: null }, 'recorded')).toBe(0n);
  });
});
