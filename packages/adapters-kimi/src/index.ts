export { kimiAdapter } from './adapter.js';
export { kimiRoots } from './roots.js';
export { discoverKimiWires } from './discover.js';
export { readWire, DEFAULT_READ_LIMITS, type ReadLimits } from './read-wire.js';
export { locateWire, WIRE_PATTERNS, type WireLocation } from './layout.js';
export { parseKimiUsage, KIMI_CLI_KEYS, KIMI_CODE_KEYS, type UsageKeys } from './usage-tokens.js';
