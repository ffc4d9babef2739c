/** What `rimuru sessions --format json` must show for one session of a sample home, worked out by hand from the format rules. */
export interface ExpectedSession {
  agentType: string;
  externalId: string;
  startedAt: string;
  endedAt: string;
  projectPath: string | null;
  /** Sorted, as the store lists them. */
  models: string[];
  requestCount: number;
  /** Null where the agent keeps no token data: never zeros, never estimates. */
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number; reasoning: number } | null;
}

export function tokensOf(
  input: number,
  output: number,
  cacheRead = 0,
  cacheWrite = 0,
  reasoning = 0,
): ExpectedSession['tokens'] {
  return { input, output, cacheRead, cacheWrite, reasoning };
}
