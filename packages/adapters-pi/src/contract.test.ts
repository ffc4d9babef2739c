import { runAdapterContract } from '@rimuru/test-utils/contract';
import { generatePiHome } from '@rimuru/test-utils/pi';
import { piAdapter } from './adapter.js';

runAdapterContract({
  adapter: piAdapter,
  // Branched files, model changes, aborted calls and Google-style usage: every kind of line.
  makeHome: async (dir) => {
    await generatePiHome(dir, { sessions: 4, callsPerSession: 5, seed: 17, branchEvery: 2 });
  },
});
