import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example third-party adapter, built by `pnpm run build` like every workspace package. */
export const GEMINI_PLUGIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples/adapter-gemini-cli');

/** Writes a Gemini CLI chat where the plugin looks (`~/.gemini/tmp/<project hash>/chats/`); returns its path. */
export async function writeGeminiChat(home: string, chat: { sessionId: string; projectHash: string }): Promise<string> {
  const dir = join(home, '.gemini', 'tmp', chat.projectHash, 'chats');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `session-${chat.sessionId}.json`);
  await writeFile(path, JSON.stringify(chat));
  return path;
}
