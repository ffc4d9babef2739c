export { qwenCodeAdapter } from './adapter.js';
