export { antigravityAdapter } from './adapter.js';
