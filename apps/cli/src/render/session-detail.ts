import {
  presentModelRow,
  presentSessionDetail,
  toSessionDetailJson,
  type ModelUsageFigures,
  type PlanUnitsJson,
  type SessionDetailViewJson,
  type StoredSession,
} from '@rimuru/core';
import type { SessionViewSettings } from '../session-query.js';
import { shortenEnd, shortenMiddle, wrapText } from './shorten.js';
import { renderTable } from './table.js';
import { renderCostBreakdown, type CostBreakdownJson } from './cost-breakdown.js';

export type { ModelBreakdownJson } from '@rimuru/core';

/** `premiumRequests` and `aiCredits` (Copilot) only where the session's records carried them. */
export interface SessionDetailJson extends SessionDetailViewJson, PlanUnitsJson {
  /** The calculated cost per model × price row × token class, with the price used and its date. */
  costBreakdown: CostBreakdownJson[];
}

export function buildSessionDetail(
  session: StoredSession,
  byModel: readonly ModelUsageFigures[],
  settings: SessionViewSettings,
  costBreakdown: CostBreakdownJson[] = [],
  planUnits: PlanUnitsJson = {},
): SessionDetailJson {
  const view = toSessionDetailJson(session, byModel, {
    now: settings.now,
    activeWindowMs: settings.activeWindowMs,
    costMode: settings.costMode,
  });
  return { ...view, costBreakdown, ...planUnits };
}

export function renderSessionDetail(
  d: SessionDetailJson,
  options: { zone: string; color: boolean; width?: number },
): string {
  const width = options.width ?? Number.POSITIVE_INFINITY;
  // Long values (paths, ids, model lists) are shortened to the terminal, never wrapped.
  const lines = presentSessionDetail(d, options.zone).map((line) => {
    if ('text' in line) return line.text;
    const room = width - line.label.length;
    const value =
      line.shorten === 'middle'
        ? shortenMiddle(line.value, room)
        : line.shorten === 'end'
          ? shortenEnd(line.value, room)
          : line.value;
    return `${line.label}${value}`;
  });
  if (d.byModel.length > 0) {
    lines.push('', 'By model');
    lines.push(
      renderTable(
        ['Model', 'Requests', 'Input', 'Output', 'Cache read', 'Cache write', 'Total', 'Cost'],
        d.byModel
          .map(presentModelRow)
          .map((m) => [m.model, m.requests, m.input, m.output, m.cacheRead, m.cacheWrite, m.total, m.cost]),
        {
          color: options.color,
          align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
          width,
          fit: [{ shorten: 'end', min: 14, cut: 2 }, { drop: 4 }, {}, {}, { drop: 1 }, { drop: 3 }, {}, {}],
        },
      ),
    );
  }
  if (d.costBreakdown.length > 0) {
    lines.push('', 'Cost breakdown (calculated)', renderCostBreakdown(d.costBreakdown, options.color, width));
    if (d.costBreakdown.some((l) => !l.priced)) {
      lines.push(
        wrapText(
          'Unpriced models: tokens counted, cost 0. See rimuru models missing; add a price under "prices" in the config.',
          width,
        ),
      );
    }
  }
  return lines.join('\n');
}
