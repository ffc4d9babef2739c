import { runAdapterContract } from '@rimuru/test-utils/contract';
import { generateCrushHome } from '@rimuru/test-utils/crush';
import { crushAdapter } from './adapter.js';

runAdapterContract({
  adapter: crushAdapter,
  makeHome: async (dir) => {
    await generateCrushHome(dir, { seed: 17, projects: 2, sessionsPerProject: 2 });
  },
});
