import type { AdapterContext, AgentAdapter, SourceRef } from '@rimuru/core';
import { crushRoots, detectCrush, discoverCrush } from './discover.js';
import { readCrushDb } from './read-crush-db.js';

/**
 * Crush (charmbracelet/crush): one SQLite `crush.db` per project, found through the global
 * `projects.json`, read whole as snapshot sources. Tokens are unknown (Crush keeps only the
 * last request's counts); the cumulative recorded cost is kept (README).
 */
export const crushAdapter: AgentAdapter = {
  id: 'crush',
  label: 'Crush',
  detect: (ctx: AdapterContext) => detectCrush(ctx),
  roots: (ctx: AdapterContext) => crushRoots(ctx),
  discover: (ctx: AdapterContext) => discoverCrush(ctx),
  read: (source: SourceRef, _from, ctx: AdapterContext) => readCrushDb(source.path, ctx),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
