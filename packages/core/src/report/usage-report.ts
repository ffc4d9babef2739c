import { assertTimeZone } from '../time-zone.js';
import { bucketLookup, type ReportPeriod, type WeekStart } from './buckets.js';
import { addAggregate, emptyAggregate, type UsageAggregate } from './usage-aggregate.js';
import { slotKey, type UsageSlot } from './usage-slot.js';

/** What rows of a report are split by inside each period (`--by`). */
export type ReportGroupBy = 'agent' | 'model' | 'project';
export const REPORT_GROUP_BYS = ['agent', 'model', 'project'] as const satisfies readonly ReportGroupBy[];

export interface UsageReportOptions {
  period: ReportPeriod;
  /** IANA zone of the calendar: a record belongs to the local day/week/month of its instant. */
  zone: string;
  startOfWeek?: WeekStart;
  /** Split each period's row by agent type, model or project. */
  groupBy?: ReportGroupBy;
  /** Add a per-model breakdown under each row (`--breakdown`). */
  breakdown?: boolean;
}

/** Totals of one model inside a row. */
interface ModelBreakdown extends UsageAggregate {
  model: string | null;
}

/** One period (and group) of a report. */
export interface UsageReportRow extends UsageAggregate {
  /** Bucket key: `2025-03-09` (day, or first day of a week) or `2025-03` (month). */
  period: string;
  start: Date;
  end: Date;
  /** The group's value (agent type, model or project); null = no grouping or unknown value. */
  group: string | null;
  /** Distinct sessions with a record in the row. */
  sessionCount: number;
  /** Distinct local days with a record in the row. */
  activeDays: number;
  /** Models seen, sorted (unknown model omitted). */
  models: string[];
  /** Per-model totals, most tokens first; present only with `breakdown`. */
  breakdown?: ModelBreakdown[];
}

/** A whole report: rows in period order (then group), and the totals over every record. */
export interface UsageReport {
  period: ReportPeriod;
  zone: string;
  startOfWeek: WeekStart | null;
  groupBy: ReportGroupBy | null;
  rows: UsageReportRow[];
  totals: UsageAggregate & { sessionCount: number; activeDays: number };
}

/**
 * Folds usage slots (the database's partial sums per UTC quarter-hour, or single records as
 * slots of their own) in any order; memory grows with rows and distinct sessions.
 */
export interface UsageReportBuilder {
  add(slot: UsageSlot): void;
  finish(): UsageReport;
}

interface RowState {
  row: Omit<UsageReportRow, 'sessionCount' | 'activeDays' | 'models' | 'breakdown'>;
  sessions: Set<string>;
  days: Set<string>;
  byModel: Map<string | null, ModelBreakdown>;
}

/** One row of a report with everything folded into it: its sums, distinct counts and per-model sums. */
export interface FoldedReportRow {
  row: Omit<UsageReportRow, 'sessionCount' | 'activeDays' | 'models' | 'breakdown'>;
  sessionCount: number;
  activeDays: number;
  /** Per-model sums of the row (its models are those with a name). */
  byModel: Map<string | null, ModelBreakdown>;
}

function groupValue(slot: UsageSlot, by: ReportGroupBy | undefined): string | null {
  switch (by) {
    case 'agent':
      return slot.agentType;
    case 'model':
      return slot.model;
    case 'project':
      return slot.projectPath;
    default:
      return null;
  }
}

/** Text order with null (unknown) last: a total order, so the fold's input order never shows. */
function compareNullLast(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return a.localeCompare(b);
}

/** Unknown model sorts as the empty name; after a model literally named '' so the order is total. */
function compareModels(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '') || (a === null ? 1 : 0) - (b === null ? 1 : 0);
}

const totalOf = (a: UsageAggregate) =>
  a.tokens.input + a.tokens.output + a.tokens.cacheRead + a.tokens.cacheWrite5m + a.tokens.cacheWrite1h;

/**
 * Creates a builder for a daily, weekly or monthly usage report in any IANA zone.
 *
 * @example
 * ```ts
 * const builder = createUsageReport({ period: 'daily', zone: 'Asia/Kolkata' });
 * for (const slot of await store.usage.slots({ from, to })) builder.add(slot);
 * const report = builder.finish();
 * ```
 */
export function createUsageReport(options: UsageReportOptions): UsageReportBuilder {
  const zone = assertTimeZone(options.zone);
  const bucketOptions = { period: options.period, zone, startOfWeek: options.startOfWeek ?? 'monday' };
  const rows = new Map<string, RowState>();
  const totals = emptyAggregate();
  const allSessions = new Set<string>();
  const allDays = new Set<string>();
  const periodOf = bucketLookup(bucketOptions);
  const dayOf = options.period === 'daily' ? periodOf : bucketLookup({ ...bucketOptions, period: 'daily' });

  return {
    add(slot) {
      // A slot lies inside one UTC quarter-hour, and local periods start on quarter-hours: the
      // bucket of its first instant is the bucket of every record in it (slotKey checks the span).
      slotKey(slot);
      const bucket = periodOf(slot.firstAt);
      const group = groupValue(slot, options.groupBy);
      const id = `${bucket.key}\u0000${group ?? ''}\u0000${group === null ? 0 : 1}`;
      let state = rows.get(id);
      if (state === undefined) {
        state = {
          row: { period: bucket.key, start: bucket.start, end: bucket.end, group, ...emptyAggregate() },
          sessions: new Set(),
          days: new Set(),
          byModel: new Map(),
        };
        rows.set(id, state);
      }
      addAggregate(state.row, slot);
      addAggregate(totals, slot);
      const day = dayOf(slot.firstAt).key;
      state.sessions.add(slot.sessionId);
      state.days.add(day);
      allSessions.add(slot.sessionId);
      allDays.add(day);
      // Per-model sums: the row's models, and its breakdown when asked for.
      let m = state.byModel.get(slot.model);
      if (m === undefined) {
        m = { model: slot.model, ...emptyAggregate() };
        state.byModel.set(slot.model, m);
      }
      addAggregate(m, slot);
    },
    finish() {
      const folded = [...rows.values()].map((s) => ({
        row: s.row,
        sessionCount: s.sessions.size,
        activeDays: s.days.size,
        byModel: s.byModel,
      }));
      return usageReportFromRows(options, folded, {
        ...totals,
        sessionCount: allSessions.size,
        activeDays: allDays.size,
      });
    },
  };
}

/**
 * The report of rows already folded, in the builder's order and shape: what the builder ends
 * with, and what a store that sums and counts per period in SQL (a team server) hands back.
 */
export function usageReportFromRows(
  options: UsageReportOptions,
  rows: readonly FoldedReportRow[],
  totals: UsageReport['totals'],
): UsageReport {
  const out: UsageReportRow[] = rows.map((s) => ({
    ...s.row,
    sessionCount: s.sessionCount,
    activeDays: s.activeDays,
    models: [...s.byModel.keys()].filter((m): m is string => m !== null).sort(),
    ...(options.breakdown
      ? {
          breakdown: [...s.byModel.values()].sort((a, b) => totalOf(b) - totalOf(a) || compareModels(a.model, b.model)),
        }
      : {}),
  }));
  out.sort((a, b) => a.start.getTime() - b.start.getTime() || compareNullLast(a.group, b.group));
  return {
    period: options.period,
    zone: assertTimeZone(options.zone),
    startOfWeek: options.period === 'weekly' ? (options.startOfWeek ?? 'monday') : null,
    groupBy: options.groupBy ?? null,
    rows: out,
    totals,
  };
}
