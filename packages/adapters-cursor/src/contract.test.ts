import { runAdapterContract } from '@rimuru/test-utils/contract';
import { writeCursorSampleHome } from '@rimuru/test-utils/sample-homes';
import { cursorAdapter } from './adapter.js';

runAdapterContract({
  adapter: cursorAdapter,
  makeHome: (dir) => {
    writeCursorSampleHome(dir);
    return Promise.resolve();
  },
});
