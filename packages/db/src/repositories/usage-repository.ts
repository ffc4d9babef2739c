import type { AgentType } from '@rimuru/core';
import { sessionUsageRecords } from '../session-records.js';
import type { SqlRunner } from '../sql-runner.js';
import type { UsageBreakdownQuery, UsageRepository, UsageRepricer, UsageSlotFilter, UsageStreamFilter } from '../store.js';
import { usageBreakdown } from '../usage-breakdown.js';
import { sessionUsageByModel, usageTotals } from '../usage-queries.js';
import { repriceUsage } from '../usage-reprice.js';
import { usageSlots } from '../usage-slots.js';
import { findUsageRecords, streamUsageRecords } from '../usage-stream.js';

/** The `usage_records` table (ingest writes it; see ingest.ts). */
export class SqlUsageRepository implements UsageRepository {
  constructor(
    private readonly sql: SqlRunner,
    private readonly now: () => Date,
  ) {}

  totals(range: { from?: Date; to?: Date; agentTypes?: AgentType[]; hosts?: string[] }) {
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

  find(agentType: AgentType, keys: { dedupeKeys?: readonly string[]; replayKeys?: readonly string[] }) {
    return findUsageRecords(this.sql, agentType, keys);
  }

  reprice(price: UsageRepricer, models?: readonly string[]) {
    return repriceUsage(this.sql, price, models, this.now());
  }
}
