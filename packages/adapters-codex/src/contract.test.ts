import { generateCodexHome } from '@rimuru/test-utils/codex';
import { runAdapterContract } from '@rimuru/test-utils/contract';
import { codexAdapter } from './adapter.js';

runAdapterContract({
  adapter: codexAdapter,
  // Archived, legacy (no usage) and thread_spawn children replaying their parent's counts.
  makeHome: async (dir) => {
    await generateCodexHome(dir, {
      sessions: 5,
      requestsPerSession: 6,
      seed: 5,
      archiveEvery: 3,
      legacyEvery: 4,
      spawnEvery: 2,
    });
  },
});
