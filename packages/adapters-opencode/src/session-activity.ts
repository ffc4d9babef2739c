import type { Instant } from '@rimuru/adapter-kit';
import type { SessionActivity } from '@rimuru/core';
import type { MessageFacts } from './interpret-message.js';
import type { SessionInfo } from './session-info.js';

interface Pending {
  first: Instant | null;
  last: Instant | null;
  projectPath: string | null;
  /** A message's own working directory beats the session's directory (a worktree, a cd). */
  messageProject: string | null;
  title: string | null;
  parentId: string | null;
  tokensKnown: boolean;
  models: Set<string>;
  requests: number;
}

/** Folds the records of one source into one activity event per session. */
export class SessionActivities {
  private readonly sessions = new Map<string, Pending>();

  private entry(id: string): Pending {
    let entry = this.sessions.get(id);
    if (entry === undefined) {
      entry = {
        first: null,
        last: null,
        projectPath: null,
        messageProject: null,
        title: null,
        parentId: null,
        tokensKnown: false,
        models: new Set(),
        requests: 0,
      };
      this.sessions.set(id, entry);
    }
    return entry;
  }

  private see(entry: Pending, at: Instant | null): void {
    if (at === null) return;
    if (entry.first === null || at.ms < entry.first.ms) entry.first = at;
    if (entry.last === null || at.ms > entry.last.ms) entry.last = at;
  }

  addSession(info: SessionInfo): void {
    const entry = this.entry(info.id);
    for (const at of info.times) this.see(entry, at);
    entry.projectPath ??= info.projectPath;
    entry.title ??= info.title;
    entry.parentId ??= info.parentId;
  }

  addMessage(facts: MessageFacts): void {
    const entry = this.entry(facts.sessionId);
    this.see(entry, facts.first);
    this.see(entry, facts.last);
    entry.messageProject ??= facts.projectPath;
    entry.tokensKnown ||= facts.hasTokens;
    if (facts.model !== null) entry.models.add(facts.model);
    if (facts.usage !== null) entry.requests += 1;
  }

  /** Sessions with at least one timestamp, in id order (deterministic output). */
  take(): SessionActivity[] {
    const out: SessionActivity[] = [];
    for (const id of [...this.sessions.keys()].sort()) {
      const s = this.sessions.get(id) as Pending;
      if (s.first === null || s.last === null) continue;
      const activity: SessionActivity = {
        type: 'activity',
        sessionExternalId: id,
        firstAt: s.first.iso,
        lastAt: s.last.iso,
        projectPath: s.messageProject ?? s.projectPath,
        parentExternalId: s.parentId,
        tokensKnown: s.tokensKnown,
        title: s.title,
      };
      // Models of sessions without token data (messages that name a model but hold no tokens).
      if (!s.tokensKnown && s.models.size > 0) activity.models = [...s.models].sort();
      out.push(activity);
    }
    this.sessions.clear();
    return out;
  }
}
