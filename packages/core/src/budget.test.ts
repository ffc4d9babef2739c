import { describe, expect, it } from 'vitest';
import { BudgetAlertTracker, budgetAlertLine } from './budget-alerts.js';
import {
  budgetState,
  budgetStatus,
  budgetWindow,
  parseBudgetAmount,
  parseBudgetName,
  parseBudgetPeriod,
  projectSpend,
  tightestBudget,
  toBudgetStatusJson,
  type Budget,
  type BudgetWindow,
} from './budget.js';
import { UsageError } from './errors.js';

const HOUR = 3_600_000;
const usd = (n: number) => BigInt(Math.round(n * 1e6)) * 1000n;

function windowOf(period: 'day' | 'week' | 'month', at: string, zone: string) {
  const w = budgetWindow(period, new Date(at), zone);
  return {
    start: w.start.toISOString(),
    end: w.end.toISOString(),
    hours: (w.end.getTime() - w.start.getTime()) / HOUR,
  };
}

function budget(partial: Partial<Budget> = {}): Budget {
  return {
    name: 'team',
    amountNanos: usd(10),
    period: 'day',
    agentType: null,
    project: null,
    model: null,
    hard: false,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...partial,
  };
}

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('budgetWindow', () => {
  it('a day in New York across spring forward lasts 23 hours, across fall back 25', () => {
    expect(windowOf('day', '2026-03-08T12:00:00Z', 'America/New_York')).toEqual({
      start: '2026-03-08T05:00:00.000Z',
      end: '2026-03-09T04:00:00.000Z',
      hours: 23,
    });
    expect(windowOf('day', '2026-11-01T12:00:00Z', 'America/New_York')).toEqual({
      start: '2026-11-01T04:00:00.000Z',
      end: '2026-11-02T05:00:00.000Z',
      hours: 25,
    });
  });

  it('a week runs Monday 00:00 to Monday 00:00 local, 167 or 169 hours across a DST change', () => {
    // Sunday 8 March 2026 (spring forward) belongs to the week of Monday 2 March.
    expect(windowOf('week', '2026-03-08T20:00:00Z', 'America/New_York')).toEqual({
      start: '2026-03-02T05:00:00.000Z',
      end: '2026-03-09T04:00:00.000Z',
      hours: 167,
    });
    // Sunday 1 November 2026 (fall back) belongs to the week of Monday 26 October.
    expect(windowOf('week', '2026-11-01T20:00:00Z', 'America/New_York')).toEqual({
      start: '2026-10-26T04:00:00.000Z',
      end: '2026-11-02T05:00:00.000Z',
      hours: 169,
    });
    // Europe/Berlin springs forward on Sunday 29 March 2026.
    expect(windowOf('week', '2026-03-29T12:00:00Z', 'Europe/Berlin')).toEqual({
      start: '2026-03-22T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
      hours: 167,
    });
  });

  it('an instant exactly at local midnight opens the new period; 1 ms before it closes the old one', () => {
    expect(windowOf('week', '2026-03-09T04:00:00.000Z', 'America/New_York').start).toBe('2026-03-09T04:00:00.000Z');
    expect(windowOf('week', '2026-03-09T03:59:59.999Z', 'America/New_York').start).toBe('2026-03-02T05:00:00.000Z');
  });

  it('a month is its local calendar month, an hour short or long across DST', () => {
    expect(windowOf('month', '2026-03-15T00:00:00Z', 'America/New_York')).toEqual({
      start: '2026-03-01T05:00:00.000Z',
      end: '2026-04-01T04:00:00.000Z',
      hours: 31 * 24 - 1,
    });
    expect(windowOf('month', '2026-10-31T22:59:59.999Z', 'Europe/Berlin')).toEqual({
      start: '2026-09-30T22:00:00.000Z',
      end: '2026-10-31T23:00:00.000Z',
      hours: 31 * 24 + 1,
    });
    // 23:00 UTC on 31 October is already November in Berlin (UTC+1 after fall back).
    expect(windowOf('month', '2026-10-31T23:00:00Z', 'Europe/Berlin').start).toBe('2026-10-31T23:00:00.000Z');
  });

  it('follows :45 offsets (Asia/Kathmandu) and rejects unknown zones', () => {
    expect(windowOf('day', '2026-03-10T18:15:00Z', 'Asia/Kathmandu')).toEqual({
      start: '2026-03-10T18:15:00.000Z',
      end: '2026-03-11T18:15:00.000Z',
      hours: 24,
    });
    expect(usageError(() => budgetWindow('day', new Date(), 'Mars/Olympus')).code).toBe('INVALID_TIMEZONE');
  });
});

describe('projectSpend', () => {
  const day: BudgetWindow = { start: new Date('2026-05-04T00:00:00Z'), end: new Date('2026-05-05T00:00:00Z') };

  it('extends the burn rate so far to the whole period', () => {
    expect(projectSpend(usd(1), day, new Date('2026-05-04T06:00:00Z'))).toBe(usd(4));
    expect(projectSpend(usd(3), day, new Date('2026-05-04T18:00:00Z'))).toBe(usd(4));
    // 1 $ over the first 7 of 24 hours: 24/7 $, rounded half away from zero at the nano.
    expect(projectSpend(usd(1), day, new Date('2026-05-04T07:00:00Z'))).toBe(3_428_571_429n);
  });

  it('uses the real length of a DST day (23 hours in New York on 8 March 2026)', () => {
    const short = budgetWindow('day', new Date('2026-03-08T12:00:00Z'), 'America/New_York');
    const halfway = new Date(short.start.getTime() + 11.5 * HOUR);
    expect(projectSpend(usd(5), short, halfway)).toBe(usd(10));
  });

  it('is the spend itself at the first instant, before, and after the period', () => {
    expect(projectSpend(usd(2), day, day.start)).toBe(usd(2));
    expect(projectSpend(usd(2), day, new Date('2026-05-03T12:00:00Z'))).toBe(usd(2));
    expect(projectSpend(usd(2), day, day.end)).toBe(usd(2));
    expect(projectSpend(0n, day, new Date('2026-05-04T12:00:00Z'))).toBe(0n);
  });
});

describe('budgetState and budgetStatus', () => {
  it('is ok below 80 %, warning from exactly 80 %, exceeded from exactly 100 %', () => {
    const amount = usd(10);
    expect(budgetState(usd(8) - 1n, amount)).toBe('ok');
    expect(budgetState(usd(8), amount)).toBe('warning');
    expect(budgetState(amount - 1n, amount)).toBe('warning');
    expect(budgetState(amount, amount)).toBe('exceeded');
    expect(budgetState(usd(25), amount)).toBe('exceeded');
  });

  it('states the spent share, the remainder and the projection separately', () => {
    const window: BudgetWindow = { start: new Date('2026-05-04T00:00:00Z'), end: new Date('2026-05-05T00:00:00Z') };
    const now = new Date('2026-05-04T12:00:00Z');
    const s = budgetStatus(budget(), usd(6), window, now);
    expect(s.state).toBe('ok');
    expect(s.projectedState).toBe('exceeded');
    expect(s.projectedNanos).toBe(usd(12));
    expect(s.remainingNanos).toBe(usd(4));
    expect(toBudgetStatusJson(s)).toEqual({
      name: 'team',
      period: 'day',
      amountUsd: 10,
      spentUsd: 6,
      remainingUsd: 4,
      projectedUsd: 12,
      percentUsed: 60,
      state: 'ok',
      projectedState: 'exceeded',
      hard: false,
      agentType: null,
      project: null,
      model: null,
      periodStart: '2026-05-04T00:00:00.000Z',
      periodEnd: '2026-05-05T00:00:00.000Z',
    });
    const over = budgetStatus(budget(), usd(12.5), window, now);
    expect([over.state, over.remainingNanos, toBudgetStatusJson(over).percentUsed]).toEqual(['exceeded', 0n, 125]);
  });

  it('the tightest budget is the one with the largest share spent, compared exactly', () => {
    const window: BudgetWindow = { start: new Date(0), end: new Date(HOUR) };
    const a = budgetStatus(budget({ name: 'a', amountNanos: 3n }), 1n, window, new Date(0));
    const b = budgetStatus(budget({ name: 'b', amountNanos: 3_000_000_001n }), 1_000_000_000n, window, new Date(0));
    expect(tightestBudget([b, a])?.budget.name).toBe('a');
    expect(tightestBudget([])).toBeNull();
  });
});

describe('parsing budget input', () => {
  it('reads dollar amounts exactly', () => {
    expect(parseBudgetAmount('25')).toBe(25_000_000_000n);
    expect(parseBudgetAmount('$7.50')).toBe(7_500_000_000n);
    expect(parseBudgetAmount(' .1 ')).toBe(100_000_000n);
  });

  it('refuses negative, zero, non-numeric and absurd amounts with one clear message', () => {
    expect(usageError(() => parseBudgetAmount('-5')).message).toBe('Invalid amount "-5": a budget cannot be negative');
    expect(usageError(() => parseBudgetAmount('0')).message).toMatch(/more than \$0/);
    expect(usageError(() => parseBudgetAmount('ten')).message).toMatch(/expected dollars/);
    expect(usageError(() => parseBudgetAmount('1e3')).message).toMatch(/expected dollars/);
    expect(usageError(() => parseBudgetAmount('2000000000')).message).toMatch(/at most/);
    expect(usageError(() => parseBudgetAmount('-5')).exitCode).toBe(2);
  });

  it('reads periods in any case and names the choices otherwise', () => {
    expect(parseBudgetPeriod('Week')).toBe('week');
    const e = usageError(() => parseBudgetPeriod('fortnight'));
    expect(e.message).toBe('Invalid period "fortnight": expected one of day, week, month');
  });

  it('trims names and refuses empty, control-character and overlong ones', () => {
    expect(parseBudgetName('  team api ')).toBe('team api');
    expect(() => parseBudgetName('   ')).toThrow(UsageError);
    expect(() => parseBudgetName('a\nb')).toThrow(UsageError);
    expect(() => parseBudgetName('x'.repeat(65))).toThrow(UsageError);
  });
});

describe('BudgetAlertTracker', () => {
  const window: BudgetWindow = { start: new Date('2026-05-04T00:00:00Z'), end: new Date('2026-05-05T00:00:00Z') };
  const now = new Date('2026-05-04T12:00:00Z');
  const at = (spent: number, b: Partial<Budget> = {}, w = window) => budgetStatus(budget(b), usd(spent), w, now);
  const levels = (tracker: BudgetAlertTracker, ...statuses: ReturnType<typeof at>[]) =>
    tracker.update(statuses).map((a) => `${a.status.budget.name}:${a.level}`);

  it('alerts once when passing 80 %, once when passing 100 %, never again while it stays', () => {
    const t = new BudgetAlertTracker();
    expect(levels(t, at(1))).toEqual([]);
    expect(levels(t, at(8.5))).toEqual(['team:warning']);
    expect(levels(t, at(9))).toEqual([]);
    expect(levels(t, at(10))).toEqual(['team:exceeded']);
    expect(levels(t, at(30))).toEqual([]);
  });

  it('a jump past both marks alerts once; a budget already past a mark alerts on the first update', () => {
    const t = new BudgetAlertTracker();
    expect(levels(t, at(1), at(12, { name: 'b' }))).toEqual(['b:exceeded']);
    expect(levels(t, at(11), at(12, { name: 'b' }))).toEqual(['team:exceeded']);
  });

  it('starts over in a new period, after the amount changes, and when spend falls back', () => {
    const t = new BudgetAlertTracker();
    expect(levels(t, at(9))).toEqual(['team:warning']);
    const next: BudgetWindow = { start: window.end, end: new Date('2026-05-06T00:00:00Z') };
    expect(levels(t, at(9, {}, next))).toEqual(['team:warning']);
    expect(levels(t, at(9, { amountNanos: usd(11) }, next))).toEqual(['team:warning']);
    expect(levels(t, at(1, { amountNanos: usd(11) }, next))).toEqual([]);
    expect(levels(t, at(9, { amountNanos: usd(11) }, next))).toEqual(['team:warning']);
  });

  it('forgets removed budgets, so one set again under the same name alerts again', () => {
    const t = new BudgetAlertTracker();
    expect(levels(t, at(9))).toEqual(['team:warning']);
    expect(levels(t)).toEqual([]);
    expect(levels(t, at(9))).toEqual(['team:warning']);
  });

  it('says which budget, how much of what, and in which scope', () => {
    const [alert] = new BudgetAlertTracker().update([
      at(12.4, { agentType: 'claude-code', model: 'opus', hard: true }),
    ]);
    expect(budgetAlertLine(alert!)).toBe(
      'budget "team" exceeded: $12.40 of $10.00 today (124%; claude-code, model "opus"; hard)',
    );
    const [warning] = new BudgetAlertTracker().update([at(8, { period: 'week' })]);
    expect(budgetAlertLine(warning!)).toBe('budget "team" passed 80%: $8.00 of $10.00 this week (80%; all usage)');
  });
});
