import { toSessionJson, type SessionJson, type StoredSession } from '@rimuru/core';
import type { ReadSettings } from './read-command.js';

/** Stored sessions → the JSON contract, in the caller's cost mode and active window. */
export function toJsonList(sessions: StoredSession[], settings: ReadSettings): SessionJson[] {
  return sessions.map((s) =>
    toSessionJson(s, { now: settings.now, activeWindowMs: settings.activeWindowMs, costMode: settings.costMode }),
  );
}
