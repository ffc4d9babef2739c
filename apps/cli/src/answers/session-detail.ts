import { addPlanUnits, planUnitsJson, sessionCostBreakdown, type PlanUnitSums } from '@rimuru/core';
import { findOneSession } from '../find-session.js';
import { costBreakdownJson } from '../render/cost-breakdown.js';
import { buildSessionDetail, type SessionDetailJson } from '../render/session-detail.js';
import type { Runtime } from '../runtime.js';
import { runtimePriceBook } from '../store-command.js';
import type { AnswerSettings } from './settings.js';

/**
 * The JSON answer of `rimuru sessions show <id> --format json`: one session named by id,
 * agent session id or a unique prefix (no match and several matches are user errors).
 */
export async function sessionDetailAnswer(
  runtime: Runtime,
  settings: AnswerSettings,
  id: string,
): Promise<SessionDetailJson> {
  const session = await findOneSession(runtime.store, id);
  const [byModel, records, { book }] = await Promise.all([
    runtime.store.usage.byModel(session.id),
    runtime.store.usage.ofSession(session.id),
    runtimePriceBook(runtime),
  ]);
  // Priced now with the same dated book the sync used, so the lines sum to the stored cost.
  const breakdown = costBreakdownJson(sessionCostBreakdown(book, records));
  // Units of the agent's plan (Copilot's premium requests, AI credits) its records carried, if any.
  const units: PlanUnitSums = {};
  for (const r of records) addPlanUnits(units, r);
  return buildSessionDetail(session, byModel, settings, breakdown, planUnitsJson(units));
}
