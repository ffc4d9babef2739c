import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The example third-party adapter (a plugin for the made-up Acme Agent), built by
 * `pnpm run build` like every workspace package.
 */
export const EXAMPLE_PLUGIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples/adapter-acme-agent');
export const EXAMPLE_PLUGIN_NAME = 'rimuru-adapter-acme-agent';
export const EXAMPLE_AGENT_TYPE = 'acme-agent';

export interface AcmeSession {
  id: string;
  cwd: string;
  startedAt: string;
  requests: { id: string; timestamp: string; model: string; input: number; output: number; cacheRead: number }[];
}

/** Writes an Acme Agent session where the plugin looks (`~/.acme-agent/sessions/`); returns its path. */
export async function writeAcmeSession(home: string, session: AcmeSession): Promise<string> {
  const dir = join(home, '.acme-agent', 'sessions');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${session.id}.jsonl`);
  const lines = [
    { type: 'session', id: session.id, cwd: session.cwd, timestamp: session.startedAt },
    ...session.requests.map((r) => ({ type: 'request', ...r })),
  ];
  await writeFile(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return path;
}
