export { ampAdapter } from './adapter.js';
