export type { ExpectedSession } from './expected-session.js';
export { writeCopilotSampleHome } from './copilot-home.js';
export { writeCursorSampleHome } from './cursor-home.js';
