import { generateClaudeHome } from '@rimuru/test-utils/claude';
import { runAdapterContract } from '@rimuru/test-utils/contract';
import { claudeCodeAdapter } from './adapter.js';

runAdapterContract({
  adapter: claudeCodeAdapter,
  // Subagent and compaction files, flat and nested layouts: every kind of transcript source.
  makeHome: async (dir) => {
    await generateClaudeHome(dir, {
      sessions: 4,
      requestsPerSession: 5,
      seed: 11,
      subagentEvery: 2,
      compactionEvery: 3,
    });
  },
});
