export { gooseAdapter } from './adapter.js';
