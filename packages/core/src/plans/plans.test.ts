import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { usdToNanos } from '../money.js';
import { planPeriodsOf } from './plan-periods.js';
import { planReturns, proratedFeeNanos } from './plan-fees.js';

const utc = (text: string) => new Date(`${text}Z`);

describe('plan periods', () => {
  it('resolves presets and plans of one’s own, and an edited preset fee', () => {
    const periods = planPeriodsOf(
      {
        'claude-code': { plan: 'claude-max-20x', since: '2026-01-01' },
        cursor: { plan: 'team seat', monthlyUsd: 32.5, since: '2026-02-01' },
        codex: { plan: 'chatgpt-plus', monthlyUsd: 17, since: '2026-01-01' },
      },
      'UTC',
    );
    expect(periods.map((p) => [p.agentType, p.label, p.monthlyFeeNanos])).toEqual([
      ['claude-code', 'Claude Max 20x', usdToNanos(200)],
      ['cursor', 'team seat', usdToNanos('32.5')],
      ['codex', 'ChatGPT Plus', usdToNanos(17)],
    ]);
  });

  it('ends a plan where the next plan of the agent starts, and refuses stated overlaps', () => {
    const [plus, pro] = planPeriodsOf(
      {
        codex: [
          { plan: 'chatgpt-pro', since: '2026-03-01' },
          { plan: 'chatgpt-plus', since: '2026-01-01' },
        ],
      },
      'UTC',
    );
    expect(plus!.plan).toBe('chatgpt-plus');
    expect(plus!.until).toEqual(utc('2026-03-01T00:00:00'));
    expect(pro!.until).toBeNull();
    expect(() =>
      planPeriodsOf(
        {
          codex: [
            { plan: 'chatgpt-plus', since: '2026-01-01', until: '2026-03-10' },
            { plan: 'chatgpt-pro', since: '2026-03-01' },
          ],
        },
        'UTC',
      ),
    ).toThrow(/overlap/);
  });

  it('names what is wrong: an unknown plan without a fee, a bad date', () => {
    expect(() => planPeriodsOf({ 'claude-code': { plan: 'claude-maxx', since: '2026-01-01' } }, 'UTC')).toThrow(
      UsageError,
    );
    expect(() => planPeriodsOf({ 'claude-code': { plan: 'claude-maxx', since: '2026-01-01' } }, 'UTC')).toThrow(
      /claude-max-20x/,
    );
    expect(() => planPeriodsOf({ 'claude-code': { plan: 'claude-pro', since: 'January' } }, 'UTC')).toThrow(
      /plans\.claude-code\.since/,
    );
  });
});

describe('prorated fees', () => {
  const [max] = planPeriodsOf({ 'claude-code': { plan: 'claude-max-20x', since: '2026-01-01' } }, 'UTC');

  it('charges a whole calendar month exactly its fee, whatever its length', () => {
    expect(proratedFeeNanos(max!, { from: utc('2026-02-01T00:00:00'), to: utc('2026-03-01T00:00:00') }, 'UTC')).toBe(
      usdToNanos(200),
    );
    expect(proratedFeeNanos(max!, { from: utc('2026-01-01T00:00:00'), to: utc('2026-04-01T00:00:00') }, 'UTC')).toBe(
      usdToNanos(600),
    );
  });

  it('charges a part of a month by its share of that month', () => {
    // 1 of January's 31 days.
    expect(proratedFeeNanos(max!, { from: utc('2026-01-10T00:00:00'), to: utc('2026-01-11T00:00:00') }, 'UTC')).toBe(
      usdToNanos(200) / 31n,
    );
    // Nothing before the plan starts.
    expect(proratedFeeNanos(max!, { from: utc('2025-12-01T00:00:00'), to: utc('2026-01-01T00:00:00') }, 'UTC')).toBe(
      0n,
    );
  });

  it('takes months in the configured zone, across a DST change', () => {
    const [berlin] = planPeriodsOf({ 'claude-code': { plan: 'claude-pro', since: '2026-03-01' } }, 'Europe/Berlin');
    // March 2026 in Berlin: 1 March 00:00 +01:00 to 1 April 00:00 +02:00 (one hour shorter).
    expect(
      proratedFeeNanos(
        berlin!,
        { from: new Date('2026-02-28T23:00:00Z'), to: new Date('2026-03-31T22:00:00Z') },
        'Europe/Berlin',
      ),
    ).toBe(usdToNanos(20));
  });
});

describe('plan returns', () => {
  it('sets API-equivalent cost beside the fees, per agent with a plan; an open range runs from the plan to now', () => {
    const periods = planPeriodsOf({ 'claude-code': { plan: 'claude-max-20x', since: '2026-01-01' } }, 'UTC');
    const api = new Map([
      ['claude-code', usdToNanos(2140)],
      ['codex', usdToNanos(5)],
    ] as const);
    const [row, ...rest] = planReturns(periods, api, { from: null, to: null }, 'UTC', utc('2026-03-01T00:00:00'));
    expect(rest).toEqual([]);
    expect(row).toEqual({
      agentType: 'claude-code',
      plans: ['Claude Max 20x'],
      apiCostNanos: usdToNanos(2140),
      feeNanos: usdToNanos(400),
    });
  });

  it('leaves out agents whose plans do not overlap the range', () => {
    const periods = planPeriodsOf({ 'claude-code': { plan: 'claude-pro', since: '2026-05-01' } }, 'UTC');
    expect(
      planReturns(
        periods,
        new Map(),
        { from: utc('2026-01-01T00:00:00'), to: utc('2026-02-01T00:00:00') },
        'UTC',
        utc('2026-06-01T00:00:00'),
      ),
    ).toEqual([]);
  });
});
