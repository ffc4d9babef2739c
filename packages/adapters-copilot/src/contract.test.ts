import { runAdapterContract } from '@rimuru/test-utils/contract';
import { writeCopilotTracedHome } from '@rimuru/test-utils/copilot';
import { writeCopilotSampleHome } from '@rimuru/test-utils/sample-homes';
import { copilotAdapter } from './adapter.js';

runAdapterContract({
  adapter: copilotAdapter,
  makeHome: async (dir) => {
    await writeCopilotSampleHome(dir);
    // A trace store beside the chats: exact tokens for one chat, a trace-only chat, the rest unknown.
    // Closed store (no -wal): WAL headers carry random salts, and homes must be byte-identical.
    await writeCopilotTracedHome(dir, { journalMode: 'delete' });
  },
});
