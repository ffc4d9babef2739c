export { claudeCodeAdapter } from './adapter.js';
