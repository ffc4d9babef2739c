export { openclawAdapter } from './adapter.js';
export { openclawRoots } from './roots.js';
export { discoverOpenclawSessions } from './discover.js';
export { openclawSessionIdFromPath, SESSION_FILE_PATTERNS } from './session-files.js';
