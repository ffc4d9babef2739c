import type { AgentAdapter } from '@rimuru/core';
import { acmeAgentAdapter } from './acme-adapter.js';

/** What Rimuru loads from this plugin (package.json `"rimuru": { "adapters": "./dist/adapters.js" }`). */
export const adapters: AgentAdapter[] = [acmeAgentAdapter];
