import { runAdapterContract } from '@rimuru/test-utils/contract';
import { generateGeminiHome } from '@rimuru/test-utils/gemini-cli';
import { geminiCliAdapter } from './adapter.js';

runAdapterContract({
  adapter: geminiCliAdapter,
  // JSON snapshots, JSONL logs with upserts/$set/$rewindTo, subagents, a migrated legacy pair.
  makeHome: async (dir) => {
    await generateGeminiHome(dir, { sessions: 5, messagesPerSession: 3, seed: 11 });
  },
});
