import { runAdapterContract } from '@rimuru/test-utils/contract';
import { generateGrokHome } from '@rimuru/test-utils/grok';
import { grokAdapter } from './adapter.js';

runAdapterContract({
  adapter: grokAdapter,
  // updates.jsonl (append) and summary.json (snapshot), incl. a session without updates.
  makeHome: async (dir) => {
    await generateGrokHome(dir, { sessions: 3, turnsPerSession: 4, seed: 9, tokenlessEvery: 3 });
  },
});
