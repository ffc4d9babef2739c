import type { UsageFiguresJson, UsageReportJson } from '@rimuru/core';

/** Stable CSV columns of `report daily|weekly|monthly --format csv` (one row per period and group, then breakdown rows). */
export const REPORT_CSV_COLUMNS = [
  'period',
  'start',
  'end',
  'group',
  'model',
  'inputTokens',
  'outputTokens',
  'cacheReadTokens',
  'cacheWriteTokens',
  'cacheWrite5mTokens',
  'cacheWrite1hTokens',
  'reasoningTokens',
  'totalTokens',
  'costUsd',
  'requestCount',
  'unpricedRequestCount',
  'sessions',
  'activeDays',
] as const;

export type ReportCsvRow = Record<(typeof REPORT_CSV_COLUMNS)[number], string | number | null>;

function figures(f: UsageFiguresJson) {
  return {
    inputTokens: f.inputTokens,
    outputTokens: f.outputTokens,
    cacheReadTokens: f.cacheReadTokens,
    cacheWriteTokens: f.cacheWriteTokens,
    cacheWrite5mTokens: f.cacheWrite5mTokens,
    cacheWrite1hTokens: f.cacheWrite1hTokens,
    reasoningTokens: f.reasoningTokens,
    totalTokens: f.totalTokens,
    costUsd: f.costUsd,
    requestCount: f.requestCount,
    unpricedRequestCount: f.unpricedRequestCount,
  };
}

/** Rows of a report as flat CSV records; `model` is set only on `--breakdown` rows. No totals row (sum the column). */
export function* reportCsvRows(report: UsageReportJson): Iterable<ReportCsvRow> {
  for (const row of report.rows) {
    yield {
      period: row.period,
      start: row.start,
      end: row.end,
      group: row.group,
      model: null,
      ...figures(row),
      sessions: row.sessions,
      activeDays: row.activeDays,
    };
    for (const m of row.breakdown ?? []) {
      yield {
        period: row.period,
        start: row.start,
        end: row.end,
        group: row.group,
        model: m.model,
        ...figures(m),
        sessions: null,
        activeDays: null,
      };
    }
  }
}
