export { adapters } from './adapters.js';
export { acmeAgentAdapter } from './acme-adapter.js';
export { acmeRoots } from './roots.js';
export { readAcmeSession } from './read-session.js';
export { acmeSessionJsonl, type AcmeRequest } from './test-sessions.js';
