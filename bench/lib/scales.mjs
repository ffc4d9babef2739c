/**
 * Synthetic home sizes. Claude Code lines are padded (`padBytes`) to reach realistic file
 * sizes: ~10 KB per request at 4000 bytes of padding; Codex rollouts are ~1.25 KB a request.
 */
export const SCALES = {
  small: {
    claude: { sessions: 60, requestsPerSession: 50, padBytes: 4000 },
    codex: { sessions: 60, requestsPerSession: 50 },
    runs: 5,
    coldRuns: 3,
  },
  medium: {
    claude: { sessions: 500, requestsPerSession: 50, padBytes: 4000 },
    codex: { sessions: 500, requestsPerSession: 50 },
    runs: 5,
    coldRuns: 3,
  },
  large: {
    claude: { sessions: 2000, requestsPerSession: 50, padBytes: 4000 },
    codex: { sessions: 2000, requestsPerSession: 50 },
    runs: 5,
    coldRuns: 3,
  },
  // ≈ 5 GiB in ≈ 50k files: shorter sessions than large, so file count grows faster than bytes.
  xl: {
    claude: { sessions: 20000, requestsPerSession: 20, padBytes: 4000 },
    codex: { sessions: 20000, requestsPerSession: 40 },
    runs: 3,
    coldRuns: 1,
  },
};

/** Fixed seeds and mix: the same scale always produces the same bytes. */
export const GENERATOR_SHAPE = {
  claude: { seed: 7001, subagentEvery: 3, compactionEvery: 5 },
  codex: { seed: 7002, archiveEvery: 7, legacyEvery: 11, spawnEvery: 9 },
};
