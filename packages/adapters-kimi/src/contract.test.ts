import { runAdapterContract } from '@rimuru/test-utils/contract';
import { generateKimiHome } from '@rimuru/test-utils/kimi';
import { kimiAdapter } from './adapter.js';

runAdapterContract({
  adapter: kimiAdapter,
  // Both layouts: kimi-cli wire logs and Kimi Code sessions with subagent files.
  makeHome: async (dir) => {
    await generateKimiHome(dir, { sessions: 4, callsPerSession: 4, seed: 31 });
  },
});
