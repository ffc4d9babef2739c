export { kimiAdapter } from './adapter.js';
