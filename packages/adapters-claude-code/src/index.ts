export { claudeCodeAdapter } from './adapter.js';
export { claudeProjectRoots } from './roots.js';
export { discoverTranscripts } from './discover.js';
export { readTranscript, DEFAULT_READ_LIMITS, type ReadLimits } from './read-transcript.js';
export { parseUsageTokens, type TokenParse } from './usage-tokens.js';
export { RANK_SCALE } from './interpret-record.js';
