import type { AgentAdapter } from '@rimuru/core';
import { discoverRollouts, hasRollouts } from './discover.js';
import { readRollout, DEFAULT_READ_LIMITS } from './read-rollout.js';
import { codexRoots } from './roots.js';

/** Reads OpenAI Codex CLI / Desktop rollouts (`$CODEX_HOME/sessions/**`) into Rimuru events. */
export const codexAdapter: AgentAdapter = {
  id: 'codex',
  label: 'Codex',
  detect: (ctx) => hasRollouts(ctx),
  roots: (ctx) => codexRoots(ctx),
  discover: (ctx) => discoverRollouts(ctx),
  read: (source, from, ctx) => readRollout(source.path, from, DEFAULT_READ_LIMITS, ctx.logger),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
