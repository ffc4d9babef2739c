export { codexAdapter } from './adapter.js';
