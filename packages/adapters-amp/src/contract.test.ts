import { runAdapterContract } from '@rimuru/test-utils/contract';
import { writeAmpHome } from '@rimuru/test-utils/amp';
import { ampAdapter } from './adapter.js';

runAdapterContract({
  adapter: ampAdapter,
  makeHome: async (dir) => {
    await writeAmpHome(dir, { threads: 3 });
  },
});
