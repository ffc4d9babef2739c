import { runAdapterContract } from '@rimuru/test-utils/contract';
import { writeGooseHome } from '@rimuru/test-utils/goose';
import { gooseAdapter } from './adapter.js';

runAdapterContract({
  adapter: gooseAdapter,
  makeHome: async (dir) => {
    await writeGooseHome(dir);
  },
});
