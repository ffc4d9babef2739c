import { addTokens, ZERO_TOKENS, type TokenCounts } from '@rimuru/core';

/** What a correct reader must report for one generated session. */
export interface ClaudeSessionTruth {
  sessionId: string;
  projectPath: string;
  /** ISO UTC of the earliest / latest record of the session (any line type, any file). */
  startedAt: string;
  endedAt: string;
  /** Deduplicated token classes: max copy per request, replays and progress copies excluded. */
  tokens: TokenCounts;
  /** Models of billed requests, sorted, `<synthetic>` excluded. */
  models: string[];
  /** Billable requests after deduplication. */
  requestCount: number;
  /** Transcript files holding the session's lines. */
  files: string[];
}

export interface ClaudeHomeTruth {
  /** The `projects/` directory written to. */
  projectsDir: string;
  sessions: ClaudeSessionTruth[];
  files: string[];
  bytes: number;
  lines: number;
}

/** Accumulates one session's truth while its lines are generated. */
export class SessionTruthBuilder {
  private firstMs = Number.POSITIVE_INFINITY;
  private lastMs = Number.NEGATIVE_INFINITY;
  private tokens: TokenCounts = { ...ZERO_TOKENS };
  private models = new Set<string>();
  private requests = 0;
  private files = new Set<string>();

  constructor(
    readonly sessionId: string,
    readonly projectPath: string,
  ) {}

  seen(ms: number): void {
    if (ms < this.firstMs) this.firstMs = ms;
    if (ms > this.lastMs) this.lastMs = ms;
  }

  billed(model: string, tokens: TokenCounts): void {
    this.tokens = addTokens(this.tokens, tokens);
    this.models.add(model);
    this.requests += 1;
  }

  file(path: string): void {
    this.files.add(path);
  }

  build(): ClaudeSessionTruth {
    return {
      sessionId: this.sessionId,
      projectPath: this.projectPath,
      startedAt: new Date(this.firstMs).toISOString(),
      endedAt: new Date(this.lastMs).toISOString(),
      tokens: this.tokens,
      models: [...this.models].sort(),
      requestCount: this.requests,
      files: [...this.files].sort(),
    };
  }
}
