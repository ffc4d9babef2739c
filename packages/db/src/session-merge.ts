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
}

/** The stored fields that merging may change. */
export interface MergeableSession {
  startedAt: Date;
  endedAt: Date;
  projectPath: string | null;
  parentExternalId: string | null;
  title: string | null;
  tokensKnown: boolean;
}

function min(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function max(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
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
      });
      continue;
    }
    current.firstAt = min(current.firstAt, min(firstAt, lastAt));
    current.lastAt = max(current.lastAt, max(firstAt, lastAt));
    current.projectPath ??= a.projectPath;
    current.parentExternalId ??= a.parentExternalId;
    current.title ??= a.title;
    current.tokensKnown ||= a.tokensKnown;
  }
  return facts;
}

/** Adds a usage instant to a session's facts (creating them when no activity came): usage implies known tokens. */
export function addUsageInstant(facts: Map<string, SessionFacts>, externalId: string, at: Date): void {
  const current = facts.get(externalId);
  if (current === undefined) {
    facts.set(externalId, {
      externalId, firstAt: at, lastAt: at, projectPath: null, parentExternalId: null, title: null, tokensKnown: true,
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
  };
}

export function sameMergeable(a: MergeableSession, b: MergeableSession): boolean {
  return (
    a.startedAt.getTime() === b.startedAt.getTime() &&
    a.endedAt.getTime() === b.endedAt.getTime() &&
    a.projectPath === b.projectPath &&
    a.parentExternalId === b.parentExternalId &&
    a.title === b.title &&
    a.tokensKnown === b.tokensKnown
  );
}
