import { toSessionJson, type SessionJson, type StoredSession } from '@rimuru/core';
import type { ReadSettings } from './read-command.js';

/** What a session's JSON depends on besides the session: the instant, the active window, the cost mode. */
export type SessionViewSettings = Pick<ReadSettings, 'now' | 'activeWindowMs' | 'costMode'>;

/** Stored sessions → the JSON contract, in the caller's cost mode and active window. */
export function toJsonList(sessions: StoredSession[], settings: SessionViewSettings): SessionJson[] {
  return sessions.map((s) =>
    toSessionJson(s, { now: settings.now, activeWindowMs: settings.activeWindowMs, costMode: settings.costMode }),
  );
}
