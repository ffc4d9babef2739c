export { codexAdapter } from './adapter.js';
export { codexHomes, codexRoots } from './roots.js';
export { discoverRollouts } from './discover.js';
export { readRollout, DEFAULT_READ_LIMITS, type ReadLimits } from './read-rollout.js';
export { fallbackSessionId } from './session-identity.js';
export { accountTokenCount, type Accounting } from './usage-accounting.js';
export { parseRawUsage, type RawUsage, type UsageParse } from './token-usage.js';
