import { totalTokens } from '../tokens.js';
import { addRecordToAggregate, emptyAggregate, type UsageAggregate } from './usage-aggregate.js';
import type { ReportUsageRecord } from './usage-record.js';

/** Claude's usage window: five hours from the first request (floored to the hour). */
export const BILLING_BLOCK_HOURS = 5;
const HOUR_MS = 3_600_000;

/** One 5-hour window of activity, or the idle gap between two of them. */
export interface BillingBlock extends UsageAggregate {
  /** First request's instant floored to the UTC hour, as ccusage does. */
  start: Date;
  /** start + block length. */
  end: Date;
  /** First and last request inside the block; null for a gap. */
  firstAt: Date | null;
  lastAt: Date | null;
  /** An idle stretch longer than a block between two blocks (ccusage's "gap" rows). */
  isGap: boolean;
  /** The block `now` falls in, with a request less than a block-length ago. */
  isActive: boolean;
  models: string[];
}

/** Speed of a block between its first and last request. */
export interface BurnRate {
  tokensPerMinute: number;
  /** Input + output only (ccusage's indicator ignores cache tokens). */
  nonCacheTokensPerMinute: number;
  /** Nano-dollars per hour in the chosen cost figure. */
  costNanosPerHour: bigint;
}

/** Where the active block ends up if the burn rate holds until its end. */
export interface BlockProjection {
  totalTokens: number;
  costNanos: bigint;
  remainingMinutes: number;
}

export interface BillingBlockOptions {
  now: Date;
  /** Block length in hours; default 5. */
  blockHours?: number;
}

/** Folds records (in time order) into blocks; memory grows with blocks, not records. */
export interface BillingBlockBuilder {
  add(record: ReportUsageRecord): void;
  finish(): BillingBlock[];
}

const floorToUtcHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

interface OpenBlock {
  aggregate: UsageAggregate;
  startMs: number;
  firstMs: number;
  lastMs: number;
  models: Set<string>;
}

/**
 * Groups usage into billing blocks as ccusage users know them: a block starts at the first
 * request's hour and lasts `blockHours`; a request more than a block-length after the block's
 * start, or after the previous request, opens a new block; an idle stretch longer than a block
 * becomes a gap row. Records must arrive in time order (the store streams them so).
 */
export function createBillingBlocks(options: BillingBlockOptions): BillingBlockBuilder {
  const lengthMs = (options.blockHours ?? BILLING_BLOCK_HOURS) * HOUR_MS;
  const nowMs = options.now.getTime();
  const blocks: BillingBlock[] = [];
  let open: OpenBlock | null = null;

  const close = (b: OpenBlock): BillingBlock => ({
    ...b.aggregate,
    start: new Date(b.startMs),
    end: new Date(b.startMs + lengthMs),
    firstAt: new Date(b.firstMs),
    lastAt: new Date(b.lastMs),
    isGap: false,
    isActive: nowMs - b.lastMs < lengthMs && nowMs < b.startMs + lengthMs,
    models: [...b.models].sort(),
  });

  return {
    add(record) {
      const t = record.occurredAt.getTime();
      if (open !== null && t < open.lastMs) throw new RangeError('billing blocks need records in time order');
      if (open === null || t - open.startMs > lengthMs || t - open.lastMs > lengthMs) {
        if (open !== null) {
          blocks.push(close(open));
          const gapStart = open.lastMs + lengthMs;
          if (t - open.lastMs > lengthMs && t > gapStart) blocks.push(gap(gapStart, t));
        }
        open = { aggregate: emptyAggregate(), startMs: floorToUtcHour(t), firstMs: t, lastMs: t, models: new Set() };
      }
      addRecordToAggregate(open.aggregate, record);
      open.lastMs = t;
      if (record.model !== null) open.models.add(record.model);
    },
    finish() {
      const out = [...blocks];
      if (open !== null) out.push(close(open));
      return out;
    },
  };
}

function gap(startMs: number, endMs: number): BillingBlock {
  return {
    ...emptyAggregate(), start: new Date(startMs), end: new Date(endMs), firstAt: null, lastAt: null,
    isGap: true, isActive: false, models: [],
  };
}

/** Tokens and cost per unit time between the block's first and last request; null when they coincide. */
export function blockBurnRate(block: BillingBlock, costNanos: bigint): BurnRate | null {
  if (block.isGap || block.firstAt === null || block.lastAt === null) return null;
  const minutes = (block.lastAt.getTime() - block.firstAt.getTime()) / 60_000;
  if (minutes <= 0) return null;
  const durationMs = BigInt(block.lastAt.getTime() - block.firstAt.getTime());
  return {
    tokensPerMinute: totalTokens(block.tokens) / minutes,
    nonCacheTokensPerMinute: (block.tokens.input + block.tokens.output) / minutes,
    costNanosPerHour: (costNanos * BigInt(HOUR_MS)) / durationMs,
  };
}

/** The active block's totals if its burn rate holds until its end; null for other blocks. */
export function projectBlock(block: BillingBlock, costNanos: bigint, now: Date): BlockProjection | null {
  if (!block.isActive) return null;
  const rate = blockBurnRate(block, costNanos);
  if (rate === null) return null;
  const remainingMs = Math.max(0, block.end.getTime() - now.getTime());
  const remainingMinutes = remainingMs / 60_000;
  return {
    totalTokens: Math.round(totalTokens(block.tokens) + rate.tokensPerMinute * remainingMinutes),
    costNanos: costNanos + (rate.costNanosPerHour * BigInt(remainingMs)) / BigInt(HOUR_MS),
    remainingMinutes: Math.round(remainingMinutes),
  };
}
