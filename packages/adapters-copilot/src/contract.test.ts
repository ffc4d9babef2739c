import { runAdapterContract } from '@rimuru/test-utils/contract';
import { writeCopilotSampleHome } from '@rimuru/test-utils/sample-homes';
import { copilotAdapter } from './adapter.js';

runAdapterContract({
  adapter: copilotAdapter,
  makeHome: async (dir) => {
    await writeCopilotSampleHome(dir);
  },
});
