import { formatLocalDateTime, formatTokens, formatTokensExact, formatUsd, type BillingBlockJson } from '@rimuru/core';
import { COMPACT_WIDTH } from './report-table.js';
import { wrapText } from './shorten.js';
import { renderTable, type ColumnFit } from './table.js';

/** Billing blocks as ccusage shows them: start, end, status, tokens, cost, burn rate, projection. */
export function renderBlocks(
  blocks: BillingBlockJson[],
  options: { zone: string; color: boolean; width: number; costMode: string },
): string {
  const compact = options.width < COMPACT_WIDTH;
  const tok = compact ? formatTokens : formatTokensExact;
  const head = [
    'Block start',
    'End',
    'Status',
    'Tokens',
    'Cost',
    ...(compact ? [] : ['Burn (tok/min)', 'Cost/h', 'Models']),
  ];
  const rows = blocks.map((b) => {
    const status = b.isGap ? 'gap' : b.isActive ? 'ACTIVE' : 'done';
    const rate = b.burnRate;
    return [
      formatLocalDateTime(new Date(b.start), options.zone),
      formatLocalDateTime(new Date(b.end), options.zone),
      status,
      b.isGap ? '' : tok(b.totalTokens),
      b.isGap ? '' : formatUsd(b.costUsd),
      ...(compact
        ? []
        : [
            rate ? tok(Math.round(rate.tokensPerMinute)) : '',
            rate ? formatUsd(rate.costUsdPerHour) : '',
            b.models.join(', '),
          ]),
    ];
  });
  const active = blocks.find((b) => b.projection !== null);
  const projection = active?.projection
    ? `\n${wrapText(`Active block projection at the current rate: ${tok(active.projection.totalTokens)} tokens, ${formatUsd(active.projection.costUsd)} (${active.projection.remainingMinutes} min left)`, options.width)}`
    : '';
  const head0 = `Billing blocks (5 h) in ${options.zone} (cost: ${options.costMode})`;
  // Wider than 100 columns but short of the full table: models shorten, then rates go.
  const fit: ColumnFit[] = [{}, {}, {}, {}, {}, { drop: 3 }, { drop: 2 }, { shorten: 'end', min: 12, drop: 1 }];
  const table = renderTable(head, rows, {
    color: options.color,
    align: head.map((_, i) => (i < 3 || i === 7 ? 'left' : 'right')),
    width: options.width,
    fit,
  });
  return `${head0}\n${table}${projection}`;
}
