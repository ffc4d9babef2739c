export { kiloAdapter } from './adapter.js';
