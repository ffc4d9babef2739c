export { openclawAdapter } from './adapter.js';
