import type { AgentType } from './agent-type.js';
import { divRoundHalfAwayFromZero } from './decimal.js';
import { UsageError } from './errors.js';
import { NANOS_PER_USD, nanosToUsd, usdToNanos } from './money.js';
import { bucketOf, type ReportPeriod } from './report/buckets.js';

/** The calendar period a budget caps: the local day, ISO week (Monday first) or month. */
export type BudgetPeriod = 'day' | 'week' | 'month';
export const BUDGET_PERIODS = ['day', 'week', 'month'] as const satisfies readonly BudgetPeriod[];

/** Which usage a budget counts; null = any. */
export interface BudgetScope {
  agentType: AgentType | null;
  /** Substring of the session's project path, any case (the rule of every `--project` filter). */
  project: string | null;
  /** Substring of the record's model name, any case (`claude-opus-4` covers every dated release). */
  model: string | null;
}

/** What `rimuru budget set` writes. */
export interface BudgetSpec extends BudgetScope {
  name: string;
  /** Cap per period in nano-dollars (exact, like every sum of money). */
  amountNanos: bigint;
  period: BudgetPeriod;
  /** A hard budget makes the guard hook refuse new prompts once exceeded. */
  hard: boolean;
}

/** A stored budget. */
export interface Budget extends BudgetSpec {
  createdAt: Date;
  updatedAt: Date;
}

/** ok below 80 % of the amount, warning from 80 %, exceeded from 100 % (of what was spent). */
export type BudgetState = 'ok' | 'warning' | 'exceeded';
export const BUDGET_STATES = ['ok', 'warning', 'exceeded'] as const satisfies readonly BudgetState[];

/** The period [start, end) a budget's spend is counted over. */
export interface BudgetWindow {
  start: Date;
  end: Date;
}

export interface BudgetStatus {
  budget: Budget;
  window: BudgetWindow;
  spentNanos: bigint;
  /** What is left of the amount; 0 once exceeded. */
  remainingNanos: bigint;
  /** Spend at the period's end if the burn rate so far (spent / elapsed) holds. */
  projectedNanos: bigint;
  state: BudgetState;
  /** The state the projection would reach: `exceeded` warns before the spend happens. */
  projectedState: BudgetState;
}

const MAX_NAME_LENGTH = 64;
/** A cap above a billion dollars is a typo, and bigger sums would leave 64-bit columns behind. */
const MAX_AMOUNT_NANOS = 1_000_000_000n * NANOS_PER_USD;
const AMOUNT_RE = /^\$?(\d+(\.\d*)?|\.\d+)$/;

/** A budget name as stored: trimmed, 1–64 printable characters. */
export function parseBudgetName(text: string): string {
  const name = text.trim();
  // eslint-disable-next-line no-control-regex -- a control character is what makes a name unprintable
  if (name === '' || name.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new UsageError(`Invalid budget name "${text}": expected 1 to ${MAX_NAME_LENGTH} printable characters`);
  }
  return name;
}

/** `--amount` in dollars (`25`, `7.50`, `$100`) → nano-dollars; more than 0, at most a billion. */
export function parseBudgetAmount(text: string): bigint {
  const trimmed = text.trim();
  if (/^-/.test(trimmed)) throw new UsageError(`Invalid amount "${text}": a budget cannot be negative`);
  const nanos = AMOUNT_RE.test(trimmed) ? usdToNanos(trimmed.replace(/^\$/, '')) : null;
  if (nanos === null) throw new UsageError(`Invalid amount "${text}": expected dollars such as 25 or 7.50`);
  if (nanos <= 0n) throw new UsageError(`Invalid amount "${text}": a budget must be more than $0`);
  if (nanos > MAX_AMOUNT_NANOS) throw new UsageError(`Invalid amount "${text}": at most $1,000,000,000`);
  return nanos;
}

export function isBudgetPeriod(text: string): text is BudgetPeriod {
  return (BUDGET_PERIODS as readonly string[]).includes(text);
}

/** `--period` (any case) → a period; a UsageError naming the choices otherwise. */
export function parseBudgetPeriod(text: string): BudgetPeriod {
  const key = text.trim().toLowerCase();
  if (!isBudgetPeriod(key)) {
    throw new UsageError(`Invalid period "${text}": expected one of ${BUDGET_PERIODS.join(', ')}`);
  }
  return key;
}

const BUCKET_PERIOD: Record<BudgetPeriod, ReportPeriod> = { day: 'daily', week: 'weekly', month: 'monthly' };

/**
 * The period containing `at` in `zone`: the same calendar buckets as the reports, so a day
 * across a DST change lasts 23 or 25 hours and a week or month spans exactly its local days.
 */
export function budgetWindow(period: BudgetPeriod, at: Date, zone: string): BudgetWindow {
  const bucket = bucketOf(at, { period: BUCKET_PERIOD[period], zone, startOfWeek: 'monday' });
  return { start: bucket.start, end: bucket.end };
}

/** Exact: warning at spent ≥ 80 % of the amount, exceeded at spent ≥ amount. */
export function budgetState(spentNanos: bigint, amountNanos: bigint): BudgetState {
  if (spentNanos >= amountNanos) return 'exceeded';
  if (spentNanos * 5n >= amountNanos * 4n) return 'warning';
  return 'ok';
}

/**
 * Spend at the window's end if it keeps the rate of the time elapsed so far:
 * spent × whole period / elapsed. Before the window (or at its first instant) nothing is
 * known about a rate, and after it nothing more will be spent: both give `spent`.
 */
export function projectSpend(spentNanos: bigint, window: BudgetWindow, now: Date): bigint {
  const elapsed = BigInt(now.getTime() - window.start.getTime());
  const whole = BigInt(window.end.getTime() - window.start.getTime());
  if (elapsed <= 0n || elapsed >= whole) return spentNanos;
  return divRoundHalfAwayFromZero(spentNanos * whole, elapsed);
}

/** A budget's standing at `now`, given what was spent in its current window. */
export function budgetStatus(budget: Budget, spentNanos: bigint, window: BudgetWindow, now: Date): BudgetStatus {
  const projectedNanos = projectSpend(spentNanos, window, now);
  const remaining = budget.amountNanos - spentNanos;
  return {
    budget,
    window,
    spentNanos,
    remainingNanos: remaining > 0n ? remaining : 0n,
    projectedNanos,
    state: budgetState(spentNanos, budget.amountNanos),
    projectedState: budgetState(projectedNanos, budget.amountNanos),
  };
}

/** Spent as a percentage of the amount, to two decimals. */
export function budgetPercent(status: Pick<BudgetStatus, 'spentNanos' | 'budget'>): number {
  return Number(divRoundHalfAwayFromZero(status.spentNanos * 10_000n, status.budget.amountNanos)) / 100;
}

/** How bad a state is, for picking the tightest budget or noticing a crossing. */
export function budgetStateRank(state: BudgetState): number {
  return BUDGET_STATES.indexOf(state);
}

/** The budget nearest its cap (highest share spent), or null without budgets. */
export function tightestBudget(statuses: readonly BudgetStatus[]): BudgetStatus | null {
  let best: BudgetStatus | null = null;
  for (const s of statuses) {
    // a/b > c/d ⇔ a·d > c·b for positive amounts: exact, no rounding.
    if (best === null || s.spentNanos * best.budget.amountNanos > best.spentNanos * s.budget.amountNanos) best = s;
  }
  return best;
}

/** One budget in `rimuru budget status --format json` (and the MCP server's budget_status). */
export interface BudgetStatusJson {
  name: string;
  period: BudgetPeriod;
  amountUsd: number;
  spentUsd: number;
  remainingUsd: number;
  projectedUsd: number;
  percentUsed: number;
  state: BudgetState;
  projectedState: BudgetState;
  hard: boolean;
  agentType: string | null;
  project: string | null;
  model: string | null;
  periodStart: string;
  periodEnd: string;
}

export interface BudgetStatusReportJson {
  /** The zone the periods were taken in. */
  timeZone: string;
  at: string;
  budgets: BudgetStatusJson[];
}

export function toBudgetStatusJson(s: BudgetStatus): BudgetStatusJson {
  const b = s.budget;
  return {
    name: b.name,
    period: b.period,
    amountUsd: nanosToUsd(b.amountNanos),
    spentUsd: nanosToUsd(s.spentNanos),
    remainingUsd: nanosToUsd(s.remainingNanos),
    projectedUsd: nanosToUsd(s.projectedNanos),
    percentUsed: budgetPercent(s),
    state: s.state,
    projectedState: s.projectedState,
    hard: b.hard,
    agentType: b.agentType,
    project: b.project,
    model: b.model,
    periodStart: s.window.start.toISOString(),
    periodEnd: s.window.end.toISOString(),
  };
}

export function toBudgetStatusReportJson(
  statuses: readonly BudgetStatus[],
  o: { timeZone: string; now: Date },
): BudgetStatusReportJson {
  return { timeZone: o.timeZone, at: o.now.toISOString(), budgets: statuses.map(toBudgetStatusJson) };
}

/** One budget in `rimuru budget list --format json`. */
export interface BudgetJson {
  name: string;
  period: BudgetPeriod;
  amountUsd: number;
  hard: boolean;
  agentType: string | null;
  project: string | null;
  model: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toBudgetJson(b: Budget): BudgetJson {
  return {
    name: b.name,
    period: b.period,
    amountUsd: nanosToUsd(b.amountNanos),
    hard: b.hard,
    agentType: b.agentType,
    project: b.project,
    model: b.model,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

/** What a budget counts, in words: `claude-code, project "api", model "opus"`, or `all usage`. */
export function budgetScopeText(scope: BudgetScope): string {
  const parts: string[] = [];
  if (scope.agentType !== null) parts.push(scope.agentType);
  if (scope.project !== null) parts.push(`project "${scope.project}"`);
  if (scope.model !== null) parts.push(`model "${scope.model}"`);
  return parts.length === 0 ? 'all usage' : parts.join(', ');
}
