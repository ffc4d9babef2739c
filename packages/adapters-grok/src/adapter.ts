import type { AgentAdapter } from '@rimuru/core';
import { discoverGrokSources, hasGrokData, isSummaryFile } from './discover.js';
import { readGrokSummary } from './read-summary.js';
import { readGrokUpdates } from './read-updates.js';
import { grokSessionRoots } from './roots.js';

/** Reads xAI's Grok Build CLI sessions (`~/.grok/sessions/<enc cwd>/<id>/`). */
export const grokAdapter: AgentAdapter = {
  id: 'grok',
  label: 'Grok Build',
  detect: (ctx) => hasGrokData(ctx),
  roots: (ctx) => grokSessionRoots(ctx),
  discover: (ctx) => discoverGrokSources(ctx),
  read: (source, from) =>
    isSummaryFile(source.path) ? readGrokSummary(source.path) : readGrokUpdates(source.path, from),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
