export { ampAdapter } from './adapter.js';
export type { ThreadParse } from './thread.js';
