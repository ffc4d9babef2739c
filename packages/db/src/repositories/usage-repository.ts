import type { AgentType } from '@rimuru/core';
import { sessionUsageRecords } from '../session-records.js';
import type { SqlRunner } from '../sql-runner.js';
import type {
  ReportCellsQuery,
  RepriceOptions,
  UsageBreakdownQuery,
  UsageRepository,
  UsageRepricer,
  UsageSlotFilter,
  UsageStreamFilter,
  UsageTotalsQuery,
} from '../store.js';
import { usageBreakdown } from '../usage-breakdown.js';
import { sessionUsageByModel, usageTotals } from '../usage-queries.js';
import { repriceUsage } from '../usage-reprice.js';
import { reportCells, reportSpan } from '../usage-report-cells.js';
import { usageSlots } from '../usage-slots.js';
import { findUsageRecords, streamUsageRecords } from '../usage-stream.js';

/** The `usage_records` table (ingest writes it; see ingest.ts). */
export class SqlUsageRepository implements UsageRepository {
  constructor(
    private readonly sql: SqlRunner,
    private readonly now: () => Date,
  ) {}

  totals(range: UsageTotalsQuery) {
    return usageTotals(this.sql, range);
  }

  byModel(sessionId: string) {
    return sessionUsageByModel(this.sql, sessionId);
  }

  breakdown(query: UsageBreakdownQuery) {
    return usageBreakdown(this.sql, query);
  }

  ofSession(sessionId: string) {
    return sessionUsageRecords(this.sql, sessionId);
  }

  stream(filter: UsageStreamFilter, options: { pageSize?: number } = {}) {
    return streamUsageRecords(this.sql, filter, options.pageSize);
  }

  slots(filter: UsageSlotFilter) {
    return usageSlots(this.sql, filter);
  }

  reportSpan(filter: UsageSlotFilter) {
    return reportSpan(this.sql, filter);
  }

  reportCells(query: ReportCellsQuery) {
    return reportCells(this.sql, query);
  }

  find(agentType: AgentType, keys: { dedupeKeys?: readonly string[]; replayKeys?: readonly string[] }) {
    return findUsageRecords(this.sql, agentType, keys);
  }

  reprice(price: UsageRepricer, models?: readonly string[], options?: RepriceOptions) {
    return repriceUsage(this.sql, price, models, this.now(), options);
  }
}
