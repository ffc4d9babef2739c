import { runAdapterContract } from '@rimuru/test-utils/contract';
import { generateOpenclawHome } from '@rimuru/test-utils/openclaw';
import { openclawAdapter } from './adapter.js';

runAdapterContract({
  adapter: openclawAdapter,
  // Live files, reset/deleted archives, legacy homes and tokenless transcripts.
  makeHome: async (dir) => {
    await generateOpenclawHome(dir, { sessions: 5, callsPerSession: 4, seed: 23 });
  },
});
