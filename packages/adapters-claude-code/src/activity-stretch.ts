import type { SessionActivity } from '@rimuru/core';

interface Span {
  firstMs: number;
  firstAt: string;
  lastMs: number;
  lastAt: string;
  projectPath: string | null;
}

/**
 * First/last activity per session over one stretch of a source (the lines between two
 * checkpoints), so the reader emits one activity event per session per stretch instead of
 * one per line. Sessions come out in the order they first appeared.
 */
export class ActivityStretch {
  private spans = new Map<string, Span>();

  add(sessionId: string, atMs: number, atIso: string, cwd: string | null): void {
    const span = this.spans.get(sessionId);
    if (span === undefined) {
      this.spans.set(sessionId, { firstMs: atMs, firstAt: atIso, lastMs: atMs, lastAt: atIso, projectPath: cwd });
      return;
    }
    if (atMs < span.firstMs) {
      span.firstMs = atMs;
      span.firstAt = atIso;
    }
    if (atMs > span.lastMs) {
      span.lastMs = atMs;
      span.lastAt = atIso;
    }
    // The project is the first cwd the session names; the encoded dir name is lossy.
    if (span.projectPath === null && cwd !== null) span.projectPath = cwd;
  }

  /** The stretch's activity events; the stretch starts empty again. */
  drain(): SessionActivity[] {
    const events: SessionActivity[] = [];
    for (const [sessionExternalId, span] of this.spans) {
      events.push({
        type: 'activity',
        sessionExternalId,
        firstAt: span.firstAt,
        lastAt: span.lastAt,
        projectPath: span.projectPath,
        parentExternalId: null,
        tokensKnown: true,
        title: null,
      });
    }
    this.spans = new Map();
    return events;
  }
}
