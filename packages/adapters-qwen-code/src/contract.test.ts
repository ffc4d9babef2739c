import { runAdapterContract } from '@rimuru/test-utils/contract';
import { generateQwenHome } from '@rimuru/test-utils/qwen-code';
import { qwenCodeAdapter } from './adapter.js';

runAdapterContract({
  adapter: qwenCodeAdapter,
  // Telemetry duplicates, streamed copies under one uuid, rewinds, a session without usage.
  makeHome: async (dir) => {
    await generateQwenHome(dir, { sessions: 5, callsPerSession: 3, seed: 5 });
  },
});
