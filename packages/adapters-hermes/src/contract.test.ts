import { runAdapterContract } from '@rimuru/test-utils/contract';
import { generateHermesHome } from '@rimuru/test-utils/hermes';
import { hermesAdapter } from './adapter.js';

runAdapterContract({
  adapter: hermesAdapter,
  // state.db and session JSON documents: all snapshot sources.
  makeHome: async (dir) => {
    await generateHermesHome(dir, { sessions: 4, seed: 2, jsonEvery: 2 });
  },
});
