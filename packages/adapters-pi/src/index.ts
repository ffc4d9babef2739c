export { piAdapter } from './adapter.js';
export { piSessionRoots } from './roots.js';
export { discoverPiSessions } from './discover.js';
export { piSessionIdFromPath, baseName } from './session-id.js';
// The pi session format is shared: OpenClaw writes it too and reads it through these.
export { readPiSessionFile, DEFAULT_READ_LIMITS, type ReadLimits } from './read-session.js';
export { PiLineInterpreter, type PiSessionNaming } from './interpret-line.js';
export { decodeState, encodeState, freshState, type PiFileState } from './file-state.js';
export { parsePiUsage, type PiUsageParse } from './usage-tokens.js';
