export { acmeAgentAdapter } from './acme-adapter.js';
