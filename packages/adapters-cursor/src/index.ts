export { cursorAdapter } from './adapter.js';
