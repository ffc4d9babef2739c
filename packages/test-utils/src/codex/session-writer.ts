import { codexTokenCountLine, type CodexUsageInit } from './lines.js';

interface Usage {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
}

const ZERO: Usage = { input: 0, cached: 0, output: 0, reasoning: 0 };

function full(u: CodexUsageInit): Usage {
  return { input: u.input, cached: u.cached ?? 0, output: u.output, reasoning: u.reasoning ?? 0 };
}

function add(a: Usage, b: Usage): Usage {
  return {
    input: a.input + b.input,
    cached: a.cached + b.cached,
    output: a.output + b.output,
    reasoning: a.reasoning + b.reasoning,
  };
}

/**
 * Writes `token_count` lines the way one Codex process does: a cumulative
 * `total_token_usage` that grows by each request's `last_token_usage`, re-emits that repeat
 * the total, and counter resets (a resumed process starting again from zero). It also keeps
 * the truth: what Rimuru must count, in Rimuru's classes.
 */
export class CodexUsageTape {
  private total: Usage = { ...ZERO };
  private last: Usage | null = null;
  /** Sum of every billable request written so far, in Codex's terms. */
  billed: Usage = { ...ZERO };
  requests = 0;

  /** A request: the total advances by `usage`. */
  request(timestamp: string, usage: CodexUsageInit, options: { model?: string; totalsOnly?: boolean } = {}): string {
    const u = full(usage);
    this.total = add(this.total, u);
    this.last = u;
    this.billed = add(this.billed, u);
    this.requests += 1;
    return this.line(timestamp, options);
  }

  /** The same total again with a fresh timestamp (UI / rate-limit refresh). */
  reemit(timestamp: string): string {
    return this.line(timestamp, {});
  }

  /** A restarted process: its counter starts over with this request. */
  reset(timestamp: string, usage: CodexUsageInit): string {
    this.total = { ...ZERO };
    return this.request(timestamp, usage);
  }

  /** Truth in Rimuru's classes: non-cached input, cache read, output, reasoning. */
  expected(): { input: number; cacheRead: number; output: number; reasoning: number } {
    const b = this.billed;
    return { input: b.input - b.cached, cacheRead: b.cached, output: b.output, reasoning: b.reasoning };
  }

  private line(timestamp: string, options: { model?: string; totalsOnly?: boolean }): string {
    const init: Parameters<typeof codexTokenCountLine>[0] = {
      timestamp,
      total: this.total,
      last: options.totalsOnly === true ? null : this.last,
    };
    if (options.model !== undefined) init.model = options.model;
    return codexTokenCountLine(init);
  }
}
