import {
  formatTokens,
  formatUsd,
  nanosToUsd,
  picosToNanos,
  PRICED_TOKEN_CLASSES,
  type CostBreakdownLine,
  type PricedTokenClass,
} from '@rimuru/core';
import { usdPerMTok } from './price-json.js';
import { renderTable } from './table.js';

/** One model × price row × token class of a session's calculated cost. */
export interface CostClassJson {
  tokenClass: PricedTokenClass;
  tokens: number;
  /** Base price of the class, USD per million tokens (long-context and fast-mode applied in costUsd). */
  usdPerMTok: number | null;
  costUsd: number;
}

export interface CostBreakdownJson {
  model: string | null;
  priced: boolean;
  /** Why unpriced: 'no-model', 'unknown' or 'ambiguous' (with candidates); null when priced. */
  unpricedReason: string | null;
  candidates: string[];
  priceKey: string | null;
  priceSource: string | null;
  /** Start of the dated price row used; null for a user override or when unpriced. */
  priceValidFrom: string | null;
  requestCount: number;
  longContextRequests: number;
  fastRequests: number;
  classes: CostClassJson[];
  costUsd: number;
}

const PRICE_FIELD: Record<PricedTokenClass, 'input' | 'output' | 'cacheRead' | 'cacheWrite5m' | 'cacheWrite1h'> = {
  input: 'input',
  output: 'output',
  cacheRead: 'cacheRead',
  cacheWrite5m: 'cacheWrite5m',
  cacheWrite1h: 'cacheWrite1h',
};

export function costBreakdownJson(lines: CostBreakdownLine[]): CostBreakdownJson[] {
  return lines.map((l) => ({
    model: l.model,
    priced: l.priceKey !== null,
    unpricedReason: l.unpricedReason,
    candidates: l.candidates,
    priceKey: l.priceKey,
    priceSource: l.priceSource,
    priceValidFrom: l.validFrom?.toISOString() ?? null,
    requestCount: l.requestCount,
    longContextRequests: l.longContextRequests,
    fastRequests: l.fastRequests,
    classes: PRICED_TOKEN_CLASSES.map((c) => ({
      tokenClass: c,
      tokens: l.tokens[c],
      usdPerMTok: l.price === null ? null : Number(usdPerMTok(l.price[PRICE_FIELD[c]])),
      costUsd: nanosToUsd(picosToNanos(l.classPicos[c])),
    })),
    costUsd: nanosToUsd(l.costNanos),
  }));
}

const CLASS_LABEL: Record<PricedTokenClass, string> = {
  input: 'input',
  output: 'output',
  cacheRead: 'cache read',
  cacheWrite5m: 'cache write 5m',
  cacheWrite1h: 'cache write 1h',
};

export function renderCostBreakdown(lines: CostBreakdownJson[], color: boolean, width?: number): string {
  const rows: string[][] = [];
  for (const l of lines) {
    const head = l.model ?? '(no model)';
    if (!l.priced) {
      const why =
        l.unpricedReason === 'ambiguous'
          ? `UNPRICED: ambiguous (${l.candidates.join(', ')})`
          : `UNPRICED: ${l.unpricedReason ?? 'unknown'} model`;
      rows.push([head, why, String(l.requestCount), '', '', '$0 (tokens counted)']);
      continue;
    }
    const from = l.priceSource === 'user' ? 'user override' : `${l.priceSource} from ${l.priceValidFrom?.slice(0, 10)}`;
    const notes = [
      l.longContextRequests > 0 ? `${l.longContextRequests} long-context` : '',
      l.fastRequests > 0 ? `${l.fastRequests} fast` : '',
    ]
      .filter(Boolean)
      .join(', ');
    rows.push([
      head,
      `${l.priceKey} (${from})${notes ? `; ${notes}` : ''}`,
      String(l.requestCount),
      '',
      '',
      formatUsd(l.costUsd),
    ]);
    for (const c of l.classes) {
      if (c.tokens === 0) continue;
      rows.push([
        '',
        `  ${CLASS_LABEL[c.tokenClass]}`,
        '',
        formatTokens(c.tokens),
        c.usdPerMTok === null ? '' : String(c.usdPerMTok),
        formatUsd(c.costUsd),
      ]);
    }
  }
  return renderTable(['Model', 'Price used / class', 'Requests', 'Tokens', '$/MTok', 'Cost'], rows, {
    color,
    align: ['left', 'left', 'right', 'right', 'right', 'right'],
    width,
    fit: [{ shorten: 'end', min: 14, cut: 1 }, { shorten: 'end', min: 16, cut: 2 }, { drop: 3 }, {}, {}, {}],
  });
}
