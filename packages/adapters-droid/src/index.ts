export { droidAdapter } from './adapter.js';
export type { DroidUsage } from './token-usage.js';
