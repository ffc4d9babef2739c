export { qwenCodeAdapter } from './adapter.js';
export { qwenHomes, qwenRoots } from './roots.js';
export { discoverQwenChats } from './discover.js';
export { readQwenChat, DEFAULT_READ_LIMITS, type ReadLimits } from './read-chat.js';
export { parseUsageMetadata, type UsageParse } from './usage-metadata.js';
