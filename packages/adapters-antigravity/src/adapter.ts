import type { AgentAdapter } from '@rimuru/core';
import { discoverAntigravitySources, isConversationDb } from './discover.js';
import { readConversationDb } from './read-conversation-db.js';
import { readAntigravityTranscript } from './read-transcript.js';
import { antigravityDataDirs } from './roots.js';

/** Reads Google Antigravity (CLI and IDE): conversation databases and step transcripts. */
export const antigravityAdapter: AgentAdapter = {
  id: 'antigravity',
  label: 'Antigravity',
  detect: async (ctx) => (await discoverAntigravitySources(ctx, 1)).length > 0,
  roots: (ctx) => antigravityDataDirs(ctx),
  discover: (ctx) => discoverAntigravitySources(ctx),
  read: (source, from) =>
    isConversationDb(source.path) ? readConversationDb(source.path) : readAntigravityTranscript(source.path, from),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
