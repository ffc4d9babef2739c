import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { claudeAssistantLine, claudeUserLine, encodeClaudeProjectDir, jsonl } from '@rimuru/test-utils/claude';

/**
 * Three Claude Code sessions with distinct projects, starts and durations, so the order of each
 * sort is known: newest start = bravo, longest = charlie, most tokens = alpha.
 */
export const SESSIONS = [
  {
    id: 'aaaaaaaa-0000-4000-8000-000000000001',
    cwd: '/home/u/alpha',
    start: '2026-01-10T10:00:00.000Z',
    minutes: 2,
    input: 90_000,
  },
  {
    id: 'cccccccc-0000-4000-8000-000000000003',
    cwd: '/home/u/charlie',
    start: '2026-01-11T10:00:00.000Z',
    minutes: 120,
    input: 500,
  },
  {
    id: 'bbbbbbbb-0000-4000-8000-000000000002',
    cwd: '/home/u/bravo',
    start: '2026-01-12T10:00:00.000Z',
    minutes: 1,
    input: 1_000,
  },
] as const;

/** A session started after every fixture session: it becomes the first row by start time. */
export const LATE_SESSION = {
  id: 'dddddddd-0000-4000-8000-000000000004',
  cwd: '/home/u/delta',
  start: '2026-01-13T10:00:00.000Z',
  minutes: 3,
  input: 10,
};

export async function writeTuiFixture(
  home: string,
  sessions: readonly (typeof SESSIONS)[number][] | [typeof LATE_SESSION] = SESSIONS,
): Promise<void> {
  for (const s of sessions) {
    const end = new Date(Date.parse(s.start) + s.minutes * 60_000).toISOString();
    const lines = [
      claudeUserLine({ sessionId: s.id, cwd: s.cwd, timestamp: s.start, text: 'hi' }),
      claudeAssistantLine({
        sessionId: s.id,
        cwd: s.cwd,
        timestamp: end,
        model: 'claude-sonnet-4-5-20250929',
        messageId: `msg-${s.id}`,
        requestId: `req-${s.id}`,
        usage: { input: s.input, output: 100 },
      }),
    ];
    const dir = join(home, '.claude', 'projects', encodeClaudeProjectDir(s.cwd));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${s.id}.jsonl`), jsonl(lines));
  }
}
