import { existsSync } from 'node:fs';
import { appendFile, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENERATOR_SHAPE } from './scales.mjs';

const testUtils = new URL('../../packages/test-utils/dist/', import.meta.url);
const MARKER = '.bench-home.json';

/** Generates (or reuses, when its recipe is unchanged) a Claude Code + Codex home. */
export async function ensureHome(dir, scaleName, scale) {
  const recipe = {
    scaleName,
    claude: { ...GENERATOR_SHAPE.claude, ...scale.claude },
    codex: { ...GENERATOR_SHAPE.codex, ...scale.codex },
  };
  const markerPath = join(dir, MARKER);
  if (existsSync(markerPath)) {
    const stored = JSON.parse(await readFile(markerPath, 'utf8'));
    if (JSON.stringify(stored.recipe) === JSON.stringify(recipe)) return stored;
  }
  await rm(dir, { recursive: true, force: true });
  const { generateClaudeHome } = await import(new URL('claude/index.js', testUtils).href);
  const { generateCodexHome } = await import(new URL('codex/index.js', testUtils).href);
  const started = Date.now();
  const claude = await generateClaudeHome(dir, recipe.claude);
  const codex = await generateCodexHome(dir, recipe.codex);
  // The largest main transcript is where the incremental benchmark appends.
  let appendTarget = null;
  let appendSize = -1;
  for (const file of claude.files) {
    if (file.includes('/subagents/') || file.includes('/agent-')) continue;
    const { size } = await stat(file);
    if (size > appendSize) [appendTarget, appendSize] = [file, size];
  }
  const info = {
    recipe,
    claude: { bytes: claude.bytes, files: claude.files.length, sessions: claude.sessions.length, lines: claude.lines },
    codex: { bytes: codex.bytes, files: codex.files, sessions: codex.sessions.length },
    totalBytes: claude.bytes + codex.bytes,
    appendTarget,
    appendTargetSize: appendSize,
    generatedInMs: Date.now() - started,
  };
  await writeFile(markerPath, JSON.stringify(info, null, 2));
  return info;
}

/** ~`bytes` of new, distinct Claude Code request lines for the session of `info.appendTarget`. */
export async function appendClaudeLines(info, round, bytes) {
  const { claudeAssistantLine, claudeUserLine } = await import(new URL('claude/index.js', testUtils).href);
  const head = JSON.parse((await readFile(info.appendTarget, 'utf8')).split('\n', 1)[0]);
  const base = Date.parse('2027-01-01T00:00:00.000Z') + round * 86_400_000;
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const ts = new Date(base + i * 1000).toISOString();
    const id = `${round.toString(16).padStart(4, '0')}${i.toString(16).padStart(8, '0')}`;
    const user = claudeUserLine({
      sessionId: head.sessionId,
      cwd: head.cwd,
      timestamp: ts,
      uuid: `00000000-0000-4000-8000-${id}`,
      text: `bench ${round}/${i}`,
    });
    const reply = claudeAssistantLine({
      sessionId: head.sessionId,
      cwd: head.cwd,
      timestamp: ts,
      uuid: `00000000-0000-4000-9000-${id}`,
      model: 'claude-sonnet-4-5-20250929',
      messageId: `msg_bench${id}`,
      requestId: `req_bench${id}`,
      text: `bench${' '.repeat(4000)}`,
      usage: { input: 10, output: 200 + i, cacheRead: 5000, cacheWrite5m: 100, cacheWrite1h: 0, nested: true },
    });
    lines.push(user, reply);
    size += user.length + reply.length + 2;
  }
  await appendFile(info.appendTarget, `${lines.join('\n')}\n`);
  return size;
}

/** Undoes every append, so the home stays as generated for the next benchmark. */
export async function restoreAppendTarget(info) {
  await truncate(info.appendTarget, info.appendTargetSize);
}
