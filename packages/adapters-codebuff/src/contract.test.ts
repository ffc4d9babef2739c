import { runAdapterContract } from '@rimuru/test-utils/contract';
import { writeCodebuffHome } from '@rimuru/test-utils/codebuff';
import { codebuffAdapter } from './adapter.js';

runAdapterContract({
  adapter: codebuffAdapter,
  makeHome: async (dir) => {
    await writeCodebuffHome(dir);
  },
});
