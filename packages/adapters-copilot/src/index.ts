export { copilotAdapter } from './adapter.js';
