export { piAdapter } from './adapter.js';
export { baseName } from './session-id.js';
// The pi session format is shared: OpenClaw writes it too and reads it through these.
export { readPiSessionFile } from './read-session.js';
