export { geminiCliAdapter } from './adapter.js';
