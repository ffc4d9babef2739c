export { grokAdapter } from './adapter.js';
