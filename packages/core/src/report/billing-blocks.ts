import { totalTokens } from '../tokens.js';
import { addAggregate, emptyAggregate, type UsageAggregate } from './usage-aggregate.js';
import { SLOT_MS, slotKey, type UsageSlot } from './usage-slot.js';

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

/**
 * Usage between two instants that the block rules treat as one: a single record, or every slot
 * row of one UTC quarter-hour (see blockSpansOfSlots).
 */
export interface BlockSpan extends UsageAggregate {
  firstAt: Date;
  lastAt: Date;
  models: readonly (string | null)[];
}

/** Folds spans (in time order, not overlapping) into blocks; memory grows with blocks, not records. */
export interface BillingBlockBuilder {
  add(span: BlockSpan): void;
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
 * becomes a gap row. Spans must arrive in time order; each is placed by its first instant, as
 * a record would be (blockSpansOfSlots says why that is exact for quarter-hour slots).
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
    add(span) {
      const t = span.firstAt.getTime();
      if (open !== null && t < open.lastMs) throw new RangeError('billing blocks need usage in time order');
      if (open === null || t - open.startMs > lengthMs || t - open.lastMs > lengthMs) {
        if (open !== null) {
          blocks.push(close(open));
          const gapStart = open.lastMs + lengthMs;
          if (t - open.lastMs > lengthMs && t > gapStart) blocks.push(gap(gapStart, t));
        }
        open = { aggregate: emptyAggregate(), startMs: floorToUtcHour(t), firstMs: t, lastMs: t, models: new Set() };
      }
      addAggregate(open.aggregate, span);
      open.lastMs = span.lastAt.getTime();
      for (const model of span.models) if (model !== null) open.models.add(model);
    },
    finish() {
      const out = [...blocks];
      if (open !== null) out.push(close(open));
      return out;
    },
  };
}

/**
 * Merges slot rows into one span per slot (slotKey), in time order. Placing a whole slot by its
 * first record gives the blocks a record-by-record fold gives: a block starts on a UTC hour and
 * lasts a whole number of quarter-hours, so its end S + L is a slot edge instant; a record at
 * exactly S + L still belongs to the block (only later ones leave it) and sits in its own edge
 * slot, while every record of the open slot after it is later than S + L. Inside one slot two
 * records are less than 15 minutes apart, so the idle rule (> L since the previous request)
 * can fire only at a slot's first record, and a block opened there holds the rest of the slot.
 */
export function blockSpansOfSlots(slots: Iterable<UsageSlot>): BlockSpan[] {
  const spans = new Map<number, BlockSpan & { models: (string | null)[] }>();
  for (const slot of slots) {
    const key = slotKey(slot);
    let span = spans.get(key);
    if (span === undefined) {
      span = { ...emptyAggregate(), firstAt: slot.firstAt, lastAt: slot.lastAt, models: [] };
      spans.set(key, span);
    }
    addAggregate(span, slot);
    if (slot.firstAt < span.firstAt) span.firstAt = slot.firstAt;
    if (slot.lastAt > span.lastAt) span.lastAt = slot.lastAt;
    span.models.push(slot.model);
  }
  return [...spans.entries()].sort((a, b) => a[0] - b[0]).map(([, span]) => span);
}

/** Billing blocks of slot rows in any order (what the store's slot query returns). */
export function billingBlocksOfSlots(slots: Iterable<UsageSlot>, options: BillingBlockOptions): BillingBlock[] {
  const lengthMs = (options.blockHours ?? BILLING_BLOCK_HOURS) * HOUR_MS;
  if (lengthMs <= 0 || lengthMs % SLOT_MS !== 0)
    throw new RangeError('billing blocks from slots need a length of whole quarter-hours');
  const builder = createBillingBlocks(options);
  for (const span of blockSpansOfSlots(slots)) builder.add(span);
  return builder.finish();
}

function gap(startMs: number, endMs: number): BillingBlock {
  return {
    ...emptyAggregate(),
    start: new Date(startMs),
    end: new Date(endMs),
    firstAt: null,
    lastAt: null,
    isGap: true,
    isActive: false,
    models: [],
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
