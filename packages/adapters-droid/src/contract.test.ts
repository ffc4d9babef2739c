import { runAdapterContract } from '@rimuru/test-utils/contract';
import { generateDroidHome } from '@rimuru/test-utils/droid';
import { droidAdapter } from './adapter.js';

runAdapterContract({
  adapter: droidAdapter,
  // Transcripts (append) and settings snapshots, plus a session without a settings file.
  makeHome: async (dir) => {
    await generateDroidHome(dir, { sessions: 4, requestsPerSession: 4, seed: 5, tokenlessEvery: 3 });
  },
});
