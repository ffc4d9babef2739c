import { generateOpenCodeHome } from '@rimuru/test-utils/opencode';
import { runAdapterContract } from '@rimuru/test-utils/contract';
import { opencodeAdapter } from './adapter.js';

runAdapterContract({
  adapter: opencodeAdapter,
  makeHome: async (dir) => {
    await generateOpenCodeHome(dir, { seed: 11, sessions: 3 });
  },
});
