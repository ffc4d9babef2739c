import type { AgentAdapter } from '@rimuru/core';
import { discoverGooseSources, hasGooseSources } from './discover.js';
import { readLegacySource } from './legacy-session.js';
import { readDbSource } from './read-db.js';
import { gooseSessionRoots } from './roots.js';

/** Reads Goose's `sessions.db` (read-only) and its legacy `.jsonl` session files. */
export const gooseAdapter: AgentAdapter = {
  id: 'goose',
  label: 'Goose',
  detect: (ctx) => hasGooseSources(ctx),
  roots: (ctx) => gooseSessionRoots(ctx),
  discover: (ctx) => discoverGooseSources(ctx),
  read: (source) => (source.path.endsWith('.jsonl') ? readLegacySource(source.path) : readDbSource(source.path)),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
