import { runAdapterContract } from '@rimuru/test-utils/contract';
import { generateAntigravityHome } from '@rimuru/test-utils/antigravity';
import { antigravityAdapter } from './adapter.js';

runAdapterContract({
  adapter: antigravityAdapter,
  // Conversation databases (snapshot) and step transcripts (append).
  makeHome: async (dir) => {
    await generateAntigravityHome(dir, { conversations: 2, generationsPerConversation: 3, seed: 4 });
  },
});
