import { addAggregate, emptyAggregate, type UsageSlot } from '@rimuru/core';
import type { CostGroup } from './cost-rows.js';

/** Usage slots summed per value of `key` (project, model, agent type): the groups of a top list. */
export function groupSlots(slots: readonly UsageSlot[], key: (s: UsageSlot) => string | null): CostGroup[] {
  const groups = new Map<string | null, CostGroup>();
  for (const s of slots) {
    const k = key(s);
    let g = groups.get(k);
    if (g === undefined) {
      g = { group: k, ...emptyAggregate() };
      groups.set(k, g);
    }
    addAggregate(g, s);
  }
  return [...groups.values()];
}
