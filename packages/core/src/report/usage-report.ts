import { assertTimeZone } from '../time-zone.js';
import { bucketOf, localDateKey, type ReportPeriod, type WeekStart } from './buckets.js';
import { addRecordToAggregate, emptyAggregate, type UsageAggregate } from './usage-aggregate.js';
import type { ReportUsageRecord } from './usage-record.js';

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
export interface ModelBreakdown extends UsageAggregate {
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

/** Folds records one at a time; memory grows with rows and distinct sessions, not records. */
export interface UsageReportBuilder {
  add(record: ReportUsageRecord): void;
  finish(): UsageReport;
}

interface RowState {
  row: Omit<UsageReportRow, 'sessionCount' | 'activeDays' | 'models' | 'breakdown'>;
  sessions: Set<string>;
  days: Set<string>;
  models: Set<string>;
  byModel: Map<string | null, ModelBreakdown>;
}

function groupValue(record: ReportUsageRecord, by: ReportGroupBy | undefined): string | null {
  switch (by) {
    case 'agent':
      return record.agentType;
    case 'model':
      return record.model;
    case 'project':
      return record.projectPath;
    default:
      return null;
  }
}

const totalOf = (a: UsageAggregate) => a.tokens.input + a.tokens.output + a.tokens.cacheRead + a.tokens.cacheWrite5m + a.tokens.cacheWrite1h;

/**
 * Creates a builder for a daily, weekly or monthly usage report in any IANA zone.
 *
 * @example
 * ```ts
 * const builder = createUsageReport({ period: 'daily', zone: 'Asia/Kolkata' });
 * for await (const record of store.streamUsage({ from, to })) builder.add(record);
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
  // Records mostly arrive in time order: reuse the last bucket while the instant stays inside it.
  let lastBucket: ReturnType<typeof bucketOf> | null = null;

  return {
    add(record) {
      const t = record.occurredAt.getTime();
      if (lastBucket === null || t < lastBucket.start.getTime() || t >= lastBucket.end.getTime()) {
        lastBucket = bucketOf(record.occurredAt, bucketOptions);
      }
      const bucket = lastBucket;
      const group = groupValue(record, options.groupBy);
      const id = `${bucket.key}\u0000${group ?? ''}\u0000${group === null ? 0 : 1}`;
      let state = rows.get(id);
      if (state === undefined) {
        state = {
          row: { period: bucket.key, start: bucket.start, end: bucket.end, group, ...emptyAggregate() },
          sessions: new Set(), days: new Set(), models: new Set(), byModel: new Map(),
        };
        rows.set(id, state);
      }
      addRecordToAggregate(state.row, record);
      addRecordToAggregate(totals, record);
      const day = options.period === 'daily' ? bucket.key : localDateKey(record.occurredAt, zone);
      state.sessions.add(record.sessionId);
      state.days.add(day);
      allSessions.add(record.sessionId);
      allDays.add(day);
      if (record.model !== null) state.models.add(record.model);
      if (options.breakdown) {
        let m = state.byModel.get(record.model);
        if (m === undefined) {
          m = { model: record.model, ...emptyAggregate() };
          state.byModel.set(record.model, m);
        }
        addRecordToAggregate(m, record);
      }
    },
    finish() {
      const out: UsageReportRow[] = [...rows.values()].map((s) => ({
        ...s.row,
        sessionCount: s.sessions.size,
        activeDays: s.days.size,
        models: [...s.models].sort(),
        ...(options.breakdown
          ? { breakdown: [...s.byModel.values()].sort((a, b) => totalOf(b) - totalOf(a) || (a.model ?? '').localeCompare(b.model ?? '')) }
          : {}),
      }));
      out.sort(
        (a, b) =>
          a.start.getTime() - b.start.getTime() ||
          (a.group === null ? 1 : 0) - (b.group === null ? 1 : 0) ||
          (a.group ?? '').localeCompare(b.group ?? ''),
      );
      return {
        period: options.period,
        zone,
        startOfWeek: options.period === 'weekly' ? bucketOptions.startOfWeek : null,
        groupBy: options.groupBy ?? null,
        rows: out,
        totals: { ...totals, sessionCount: allSessions.size, activeDays: allDays.size },
      };
    },
  };
}
