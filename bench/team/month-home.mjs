import { rm } from 'node:fs/promises';

const testUtils = new URL('../../packages/test-utils/dist/', import.meta.url);

/**
 * One developer's month of agent files, from the project's own generators: Claude Code and
 * Codex sessions of 50 requests each (about 40 k usage records and 880 sessions after the
 * rules drop streamed copies and replays: 25 M records and 0.5 M sessions for 50 machines ×
 * 12 months). Sessions start an hour apart from `start`, so a month's history spans ~18 days.
 */
export const MONTH_SHAPE = {
  claude: { sessions: 417, requestsPerSession: 50, padBytes: 0, subagentEvery: 3, compactionEvery: 5 },
  codex: { sessions: 417, requestsPerSession: 50, archiveEvery: 7, legacyEvery: 11, spawnEvery: 9 },
};

/** Writes the month under `home` (emptied first); `seed` makes every id and dedupe key its own. */
export async function writeMonthHome(home, { seed, start }) {
  await rm(home, { recursive: true, force: true });
  const { generateClaudeHome } = await import(new URL('claude/index.js', testUtils).href);
  const { generateCodexHome } = await import(new URL('codex/index.js', testUtils).href);
  const iso = new Date(start).toISOString();
  const claude = await generateClaudeHome(home, { ...MONTH_SHAPE.claude, seed, start: iso });
  const codex = await generateCodexHome(home, { ...MONTH_SHAPE.codex, seed: seed + 1, start: iso });
  return { bytes: claude.bytes + codex.bytes, files: claude.files.length + codex.files };
}
