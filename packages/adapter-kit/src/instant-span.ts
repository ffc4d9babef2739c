import type { Instant } from './timestamp.js';

/**
 * The earliest and latest instant seen over one stretch of a source (the lines between two
 * checkpoints), so a reader emits one activity event per stretch instead of one per line.
 */
export class InstantSpan {
  private first: Instant | null = null;
  private last: Instant | null = null;

  add(at: Instant): void {
    if (this.first === null || at.ms < this.first.ms) this.first = at;
    if (this.last === null || at.ms > this.last.ms) this.last = at;
  }

  /** The span so far, or null when nothing was added; the span starts empty again either way. */
  take(): { first: Instant; last: Instant } | null {
    const { first, last } = this;
    this.first = null;
    this.last = null;
    return first === null || last === null ? null : { first, last };
  }
}
