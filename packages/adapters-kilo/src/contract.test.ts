import { generateKiloHome } from '@rimuru/test-utils/kilo';
import { runAdapterContract } from '@rimuru/test-utils/contract';
import { kiloAdapter } from './adapter.js';

runAdapterContract({
  adapter: kiloAdapter,
  makeHome: async (dir) => {
    await generateKiloHome(dir, { seed: 13, sessions: 3 });
  },
});
