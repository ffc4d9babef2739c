import type { AgentAdapter } from '@rimuru/core';
import { discoverPiSessions, hasPiSessions } from './discover.js';
import { readPiSessionFile } from './read-session.js';
import { piSessionRoots } from './roots.js';
import { piSessionIdFromPath } from './session-id.js';

/** Reads pi-agent's JSONL session trees (`~/.pi/agent/sessions/**`) into Rimuru events. */
export const piAdapter: AgentAdapter = {
  id: 'pi',
  label: 'pi',
  detect: (ctx) => hasPiSessions(ctx),
  roots: (ctx) => piSessionRoots(ctx),
  discover: (ctx) => discoverPiSessions(ctx),
  read: (source, from) =>
    readPiSessionFile(source.path, from, {
      sessionExternalId: piSessionIdFromPath(source.path),
      parentIdFromPath: piSessionIdFromPath,
    }),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
