import type { AgentAdapter } from '@rimuru/core';
import { discoverThreads, hasThreads } from './discover.js';
import { readThread } from './read-thread.js';
import { ampThreadRoots } from './roots.js';

/** Reads Amp's thread documents (`~/.local/share/amp/threads/T-*.json`) into Rimuru events. */
export const ampAdapter: AgentAdapter = {
  id: 'amp',
  label: 'Amp',
  detect: (ctx) => hasThreads(ctx),
  roots: (ctx) => ampThreadRoots(ctx),
  discover: (ctx) => discoverThreads(ctx),
  read: (source) => readThread(source.path),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
