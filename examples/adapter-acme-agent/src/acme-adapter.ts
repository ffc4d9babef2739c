import { appendSourcesUnder, listFiles } from '@rimuru/adapter-kit';
import type { AdapterContext, AgentAdapter, SourceRef } from '@rimuru/core';
import { readAcmeSession } from './read-session.js';
import { acmeRoots } from './roots.js';

async function discover(ctx: AdapterContext): Promise<SourceRef[]> {
  return appendSourcesUnder(await acmeRoots(ctx), (root) => listFiles(root, '*.jsonl'));
}

/**
 * A minimal plugin adapter for a made-up agent: the smallest thing that satisfies the
 * contract in `@rimuru/core` (`id`, `label`, `detect`, `roots`, `discover`, `read`).
 */
export const acmeAgentAdapter: AgentAdapter = {
  id: 'acme-agent',
  label: 'Acme Agent',
  detect: async (ctx) => (await discover(ctx)).length > 0,
  roots: (ctx) => acmeRoots(ctx),
  discover,
  read: (source, from) => readAcmeSession(source.path, from),
};
