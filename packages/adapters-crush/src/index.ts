export { crushAdapter } from './adapter.js';
