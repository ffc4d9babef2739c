import type { SessionActivity } from '@rimuru/core';
import { parseInstant } from './instant.js';

/** What one batch says about one session, folded from its activity and usage events. */
export interface SessionFacts {
  externalId: string;
  firstAt: Date;
  lastAt: Date;
  projectPath: string | null;
  parentExternalId: string | null;
  title: string | null;
  tokensKnown: boolean;
  /** Models named by tokenless activity, first-use order (usage records carry their own). */
  activityModels: string[];
  /** The largest request count tokenless activity reported. */
  activityRequestCount: number;
}

/** The stored fields that merging may change. */
export interface MergeableSession {
  startedAt: Date;
  endedAt: Date;
  projectPath: string | null;
  parentExternalId: string | null;
  title: string | null;
  tokensKnown: boolean;
  activityModels: string[];
  activityRequestCount: number;
}

function min(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function max(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** `a` then the models of `b` it lacks: a union that keeps first-use order stable across re-reads. */
export function unionModels(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  for (const model of b) if (!out.includes(model)) out.push(model);
  return out;
}

/** A stored JSON model list (sessions.models, sessions.activity_models); anything unreadable is empty. */
export function parseModelList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : [];
  } catch {
    return [];
  }
}

/** Only non-empty strings count as model names; anything else an adapter passes is ignored. */
function activityModelsOf(a: SessionActivity): string[] {
  return unionModels(
    [],
    (a.models ?? []).filter((m) => typeof m === 'string' && m !== ''),
  );
}

function activityRequestsOf(a: SessionActivity): number {
  const n = a.requestCount;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** Folds a batch's activity (in arrival order) per session: earliest start, latest end, first non-null. */
export function foldActivity(activity: readonly SessionActivity[]): Map<string, SessionFacts> {
  const facts = new Map<string, SessionFacts>();
  for (const a of activity) {
    const firstAt = parseInstant(a.firstAt, 'activity');
    const lastAt = parseInstant(a.lastAt, 'activity');
    const current = facts.get(a.sessionExternalId);
    if (current === undefined) {
      facts.set(a.sessionExternalId, {
        externalId: a.sessionExternalId,
        firstAt: min(firstAt, lastAt),
        lastAt: max(firstAt, lastAt),
        projectPath: a.projectPath,
        parentExternalId: a.parentExternalId,
        title: a.title,
        tokensKnown: a.tokensKnown,
        activityModels: activityModelsOf(a),
        activityRequestCount: activityRequestsOf(a),
      });
      continue;
    }
    current.firstAt = min(current.firstAt, min(firstAt, lastAt));
    current.lastAt = max(current.lastAt, max(firstAt, lastAt));
    current.projectPath ??= a.projectPath;
    current.parentExternalId ??= a.parentExternalId;
    current.title ??= a.title;
    current.tokensKnown ||= a.tokensKnown;
    current.activityModels = unionModels(current.activityModels, activityModelsOf(a));
    // A re-read reports the same session's count again, whole: the maximum, never a sum.
    current.activityRequestCount = Math.max(current.activityRequestCount, activityRequestsOf(a));
  }
  return facts;
}

/** Adds a usage instant to a session's facts (creating them when no activity came): usage implies known tokens. */
export function addUsageInstant(facts: Map<string, SessionFacts>, externalId: string, at: Date): void {
  const current = facts.get(externalId);
  if (current === undefined) {
    facts.set(externalId, {
      externalId,
      firstAt: at,
      lastAt: at,
      projectPath: null,
      parentExternalId: null,
      title: null,
      tokensKnown: true,
      activityModels: [],
      activityRequestCount: 0,
    });
    return;
  }
  current.firstAt = min(current.firstAt, at);
  current.lastAt = max(current.lastAt, at);
  current.tokensKnown = true;
}

/** Stored ⊕ new: never replaced by less (earliest start, latest end, first non-null, known stays known). */
export function mergeSession(stored: MergeableSession, facts: SessionFacts): MergeableSession {
  return {
    startedAt: min(stored.startedAt, facts.firstAt),
    endedAt: max(stored.endedAt, facts.lastAt),
    projectPath: stored.projectPath ?? facts.projectPath,
    parentExternalId: stored.parentExternalId ?? facts.parentExternalId,
    title: stored.title ?? facts.title,
    tokensKnown: stored.tokensKnown || facts.tokensKnown,
    activityModels: unionModels(stored.activityModels, facts.activityModels),
    activityRequestCount: Math.max(stored.activityRequestCount, facts.activityRequestCount),
  };
}

export function sameMergeable(a: MergeableSession, b: MergeableSession): boolean {
  return (
    a.startedAt.getTime() === b.startedAt.getTime() &&
    a.endedAt.getTime() === b.endedAt.getTime() &&
    a.projectPath === b.projectPath &&
    a.parentExternalId === b.parentExternalId &&
    a.title === b.title &&
    a.tokensKnown === b.tokensKnown &&
    a.activityRequestCount === b.activityRequestCount &&
    a.activityModels.length === b.activityModels.length &&
    a.activityModels.every((m, i) => b.activityModels[i] === m)
  );
}
