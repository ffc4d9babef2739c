import type { AgentAdapter } from '@rimuru/core';
import { discoverKimiWires, hasKimiWires } from './discover.js';
import { readWire } from './read-wire.js';
import { kimiRoots } from './roots.js';

/** Reads Kimi's wire logs (kimi-cli `~/.kimi/sessions`, Kimi Code `~/.kimi-code/sessions`) into Rimuru events. */
export const kimiAdapter: AgentAdapter = {
  id: 'kimi',
  label: 'Kimi',
  detect: (ctx) => hasKimiWires(ctx),
  roots: (ctx) => kimiRoots(ctx),
  discover: (ctx) => discoverKimiWires(ctx),
  read: (source, from) => readWire(source.path, from),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
