export { antigravityAdapter } from './adapter.js';
export type { Generation } from './gen-metadata.js';
