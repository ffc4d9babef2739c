import { runAdapterContract } from '@rimuru/test-utils/contract';
import { writeRooCodeHome } from '@rimuru/test-utils/roo-code';
import { rooCodeAdapter } from './index.js';

runAdapterContract({
  adapter: rooCodeAdapter,
  makeHome: async (dir) => {
    await writeRooCodeHome(dir);
  },
});
