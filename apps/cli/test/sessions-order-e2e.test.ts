// @module-tag built
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeAssistantLine } from '@rimuru/test-utils/claude';
import { makeSandbox, runCli } from './cli-harness.js';

/** Three sessions whose order by start differs from their order by last activity. */
const SESSIONS = [
  // Started first, but active until last: a list by last activity puts it on top.
  { id: 'aaaa0001-0000-4000-8000-000000000001', at: ['2026-01-01T10:00:00.000Z', '2026-01-10T10:00:00.000Z'] },
  { id: 'bbbb0002-0000-4000-8000-000000000002', at: ['2026-01-05T10:00:00.000Z'] },
  { id: 'cccc0003-0000-4000-8000-000000000003', at: ['2026-01-03T10:00:00.000Z'] },
];

describe('sessions: newest started first, and says when the list is cut', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  const run = (args: string[], extra: Record<string, string> = {}) => runCli(args, { ...sandbox.env, ...extra });

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const dir = join(sandbox.home, '.claude', 'projects', '-w');
    mkdirSync(dir, { recursive: true });
    for (const s of SESSIONS) {
      const lines = s.at.map((timestamp, i) =>
        claudeAssistantLine({
          sessionId: s.id,
          cwd: '/w',
          timestamp,
          model: 'claude-sonnet-4-5',
          messageId: `m-${s.id}-${i}`,
          requestId: `r-${s.id}-${i}`,
          usage: { input: 10 * (i + 1), output: 1 },
        }),
      );
      writeFileSync(join(dir, `${s.id}.jsonl`), `${lines.join('\n')}\n`);
    }
    expect((await run(['sync'])).code).toBe(0);
  });
  afterAll(() => sandbox.cleanup());

  const order = (stdout: string) =>
    (JSON.parse(stdout) as { externalId: string }[]).map((s) => s.externalId.slice(0, 4));

  it('orders by start, newest first, in JSON and in the table', async () => {
    const json = await run(['sessions', '--format', 'json', '--no-sync']);
    expect(order(json.stdout)).toEqual(['bbbb', 'cccc', 'aaaa']);
    const history = await run(['sessions', 'history', '--range', 'all', '--format', 'json', '--no-sync']);
    expect(order(history.stdout)).toEqual(['bbbb', 'cccc', 'aaaa']);
    const table = await run(['sessions', '--no-sync']);
    const started = table.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.match(/2026-01-\d\d \d\d:\d\d/)?.[0]);
    expect(started).toEqual(['2026-01-05 10:00', '2026-01-03 10:00', '2026-01-01 10:00']);
  });

  it('--sort names another order', async () => {
    const byTokens = await run(['sessions', '--sort', 'tokens', '--format', 'json', '--no-sync']);
    expect(order(byTokens.stdout)[0]).toBe('aaaa');
    const bad = await run(['sessions', '--sort', 'ended', '--no-sync']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--sort.*started, duration, tokens, cost/);
  });

  it('a cut list says so: on stderr when piped, as a footer on a terminal, never in JSON', async () => {
    const piped = await run(['sessions', '--limit', '2', '--no-sync']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('showing 2 of 3 (--limit)\n');
    expect(piped.stdout).not.toContain('showing');
    const terminal = await run(['sessions', '--limit', '2', '--no-sync'], { RIMURU_FORCE_TTY: '1' });
    expect(terminal.stdout.trimEnd().split('\n').at(-1)).toBe('showing 2 of 3 (--limit)');
    const history = await run(['sessions', 'history', '--range', 'all', '--limit', '1', '--no-sync']);
    expect(history.stderr).toBe('showing 1 of 3 (--limit)\n');
    const json = await run(['sessions', '--limit', '2', '--format', 'json', '--no-sync']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toHaveLength(2);
    const whole = await run(['sessions', '--limit', '3', '--no-sync']);
    expect(whole.stderr).toBe('');
  });
});
