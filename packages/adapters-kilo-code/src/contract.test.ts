import { runAdapterContract } from '@rimuru/test-utils/contract';
import { writeKiloCodeHome } from '@rimuru/test-utils/kilo-code';
import { kiloCodeAdapter } from './index.js';

runAdapterContract({
  adapter: kiloCodeAdapter,
  makeHome: async (dir) => {
    await writeKiloCodeHome(dir);
  },
});
