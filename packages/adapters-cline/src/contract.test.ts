import { runAdapterContract } from '@rimuru/test-utils/contract';
import { writeClineHome } from '@rimuru/test-utils/cline';
import { clineAdapter } from './index.js';

runAdapterContract({
  adapter: clineAdapter,
  makeHome: async (dir) => {
    await writeClineHome(dir);
  },
});
