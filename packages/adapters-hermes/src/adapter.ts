import type { AgentAdapter } from '@rimuru/core';
import { discoverHermesSources, isStateDb } from './discover.js';
import { readSessionJson } from './read-session-json.js';
import { readStateDb } from './read-state-db.js';
import { hermesHomes } from './roots.js';

/** Reads Nous Research's Hermes Agent: `state.db` (token totals) and per-session JSON documents. */
export const hermesAdapter: AgentAdapter = {
  id: 'hermes',
  label: 'Hermes',
  detect: async (ctx) => (await discoverHermesSources(ctx, 1)).length > 0,
  roots: (ctx) => hermesHomes(ctx),
  discover: (ctx) => discoverHermesSources(ctx),
  read: (source, _from, ctx) =>
    isStateDb(source.path) ? readStateDb(source.path) : readSessionJson(source.path, ctx.homeDir),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
