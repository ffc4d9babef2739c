import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runAdapterContract } from '@rimuru/test-utils/contract';
import { geminiCliAdapter } from './gemini-adapter.js';
import { geminiChatJson, geminiChatJsonl } from './test-chats.js';

runAdapterContract({
  adapter: geminiCliAdapter,
  makeHome: async (dir) => {
    const chats = join(dir, '.gemini', 'tmp', 'abc', 'chats');
    await mkdir(chats, { recursive: true });
    await writeFile(join(chats, 'session-1.json'), geminiChatJson());
    await writeFile(join(chats, 'session-2.jsonl'), geminiChatJsonl());
  },
});
