import { readPiSessionFile } from '@rimuru/adapters-pi';
import type { AgentAdapter } from '@rimuru/core';
import { discoverOpenclawSessions, hasOpenclawSessions } from './discover.js';
import { openclawRoots } from './roots.js';
import { openclawSessionIdFromPath } from './session-files.js';

/** Reads OpenClaw's session files (pi's format) and their reset/deleted archives into Rimuru events. */
export const openclawAdapter: AgentAdapter = {
  id: 'openclaw',
  label: 'OpenClaw',
  detect: (ctx) => hasOpenclawSessions(ctx),
  roots: (ctx) => openclawRoots(ctx),
  discover: (ctx) => discoverOpenclawSessions(ctx),
  read: (source, from) =>
    readPiSessionFile(source.path, from, {
      sessionExternalId: openclawSessionIdFromPath(source.path),
      parentIdFromPath: openclawSessionIdFromPath,
    }),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
