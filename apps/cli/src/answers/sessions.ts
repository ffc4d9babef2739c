import { activeSince, type SessionJson } from '@rimuru/core';
import type { SessionFilter, SessionSort, SessionStore } from '@rimuru/db';
import { toJsonList } from '../session-query.js';
import type { AnswerSettings } from './settings.js';

/** `rimuru sessions`: which sessions, newest started first unless sorted otherwise. */
export interface SessionsQuestion {
  agentTypes?: string[];
  agentNames?: string[];
  /** Substring of the project path. */
  project?: string;
  hosts?: string[];
  /** Sessions with any activity in [since, until]. */
  since?: Date;
  until?: Date;
  /** Only sessions active now. */
  active: boolean;
  limit: number;
  /** Biggest first by start (the default), duration, tokens or cost. */
  sort?: SessionSort;
}

/** The JSON answer of `rimuru sessions --format json`: newest started first, as its "Started" column. */
export async function sessionsAnswer(
  store: SessionStore,
  settings: AnswerSettings,
  q: SessionsQuestion,
): Promise<SessionJson[]> {
  const sessions = await store.sessions.page({
    filter: sessionsFilter(settings, q),
    sort: q.sort ?? 'started',
    costMode: settings.costMode,
    offset: 0,
    limit: q.limit,
  });
  return toJsonList(sessions, settings);
}

/** The filter of a sessions question (without its limit): what `store.sessions.count` counts. */
export function sessionsFilter(settings: AnswerSettings, q: Omit<SessionsQuestion, 'limit' | 'sort'>): SessionFilter {
  return {
    agentTypes: q.agentTypes,
    agentNames: q.agentNames,
    project: q.project,
    hosts: q.hosts,
    since: q.since,
    until: q.until,
    activeSince: q.active ? activeSince(settings) : undefined,
  };
}
