export { hermesAdapter } from './adapter.js';
