// @module-tag built
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeAssistantLine } from '@rimuru/test-utils/claude';
import { makeSandbox, runCli } from './cli-harness.js';

describe('first run: where Rimuru looked, and how to point it elsewhere', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;

  beforeAll(async () => {
    sandbox = await makeSandbox();
  });
  afterAll(() => sandbox.cleanup());

  it('an empty machine: sessions lists where each agent was looked for and the variables that move it', async () => {
    const result = await runCli(['sessions'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^No sessions yet: no agent data was found on this machine\./);
    // Claude Code: both default folders, under the sandbox's home, and its variable and config key.
    expect(result.stdout).toMatch(
      /^claude-code +CLAUDE_CONFIG_DIR, config roots\.claude-code +~\/\.config\/claude\/projects, ~\/\.claude\/projects$/m,
    );
    expect(result.stdout).toMatch(/^codex +CODEX_HOME, config roots\.codex +~\/\.codex$/m);
    expect(result.stdout).toMatch(/^gemini-cli +GEMINI_DATA_DIR.* +~\/\.gemini\/tmp$/m);
    // In an 80-column terminal the long lists are shortened, never wrapped.
    const narrow = await runCli(['sessions', '--no-sync'], { ...sandbox.env, RIMURU_FORCE_TTY: '1', COLUMNS: '80' });
    for (const line of narrow.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(narrow.stdout).toMatch(/^cline +.*…/m);
    expect(result.stdout).toMatch(/rimuru config set roots\.claude-code/);
    // JSON stays the bare list.
    const json = await runCli(['sessions', '--format', 'json', '--no-sync'], sandbox.env);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('doctor says where each missing agent was looked for', async () => {
    const result = await runCli(['doctor'], sandbox.env);
    expect(result.stdout).toMatch(
      /^ok {4}claude-code data: not found; looked in ~\/\.config\/claude\/projects, ~\/\.claude\/projects \(elsewhere: CLAUDE_CONFIG_DIR, config roots\.claude-code\)$/m,
    );
    expect(result.stdout).toMatch(
      /^ok {4}codex data: not found; looked in ~\/\.codex.*\(elsewhere: CODEX_HOME, config roots\.codex\)$/m,
    );
  });

  it('a filter that matches nothing is not a first run', async () => {
    const box = await makeSandbox();
    try {
      const dir = join(box.home, '.claude', 'projects', '-w');
      mkdirSync(dir, { recursive: true });
      const sid = 'abcd0001-0000-4000-8000-000000000001';
      const line = claudeAssistantLine({
        sessionId: sid,
        cwd: '/w',
        timestamp: '2026-01-01T00:00:00.000Z',
        model: 'claude-sonnet-4-5',
        messageId: 'm',
        requestId: 'r',
        usage: { input: 1, output: 1 },
      });
      writeFileSync(join(dir, `${sid}.jsonl`), `${line}\n`);
      // The first sync's summary is plain news on stderr, not a warning.
      const first = await runCli(['sessions'], box.env);
      expect(first.code).toBe(0);
      expect(first.stderr).toMatch(/^Synced 1 of 1 file \(0\.0 MiB\): 1 new request in \d+ ms\n$/);
      const second = await runCli(['sessions'], box.env);
      expect(second.stderr).toBe('');
      const none = await runCli(['sessions', '--project', 'no-such-project', '--no-sync'], box.env);
      expect(none.stdout.trim()).toBe('No sessions found.');
    } finally {
      await box.cleanup();
    }
  });
});
