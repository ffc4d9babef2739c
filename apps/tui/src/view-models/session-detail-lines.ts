import {
  presentModelRow,
  presentSessionDetail,
  toSessionDetailJson,
  type ModelUsageFigures,
  type StoredSession,
} from '@rimuru/core';
import type { RowContext } from './session-row.js';

/** Everything `rimuru sessions show` prints (core's detail presenter), as lines for the details overlay. */
export function sessionDetailLines(s: StoredSession, byModel: readonly ModelUsageFigures[], ctx: RowContext): string[] {
  const detail = toSessionDetailJson(s, byModel, ctx);
  const lines = presentSessionDetail({ ...detail, title: s.title }, ctx.zone).map((line) =>
    'text' in line ? line.text : `${line.label}${line.value}`,
  );
  if (detail.byModel.length > 0) {
    lines.push('', 'By model');
    for (const m of detail.byModel.map(presentModelRow))
      lines.push(`  ${m.model}: ${m.requests} req · ${m.total} tokens · ${m.cost}`);
  }
  return lines;
}
