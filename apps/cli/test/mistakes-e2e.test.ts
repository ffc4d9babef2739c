// @module-tag built
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeAssistantLine } from '@rimuru/test-utils/claude';
import { BIN_PATH, makeSandbox, runCli, type CliResult } from './cli-harness.js';
import { expectNoStack } from './reliability-harness.js';

/** Exactly one line on stderr, starting `Error:` and matching `pattern`, with the exit code. */
function expectMistake(result: CliResult, exitCode: number, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(exitCode);
  const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Error: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stdout).toBe('');
  expectNoStack(result.stderr);
}

describe('mistakes get help: exit 2, one line naming the closest or the known values', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  const run = (...args: string[]) => runCli(args, sandbox.env);
  const configFile = () => join(sandbox.home, '.config', 'rimuru', 'config.json');

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const dir = join(sandbox.home, '.claude', 'projects', '-w');
    mkdirSync(dir, { recursive: true });
    const sid = 'abcd0001-0000-4000-8000-000000000001';
    const line = claudeAssistantLine({
      sessionId: sid,
      cwd: '/w',
      timestamp: '2026-01-01T00:00:00.000Z',
      model: 'claude-sonnet-4-5',
      messageId: 'm-1',
      requestId: 'r-1',
      usage: { input: 1, output: 1 },
    });
    writeFileSync(join(dir, `${sid}.jsonl`), `${line}\n`);
    expect((await run('sync')).code).toBe(0);
  });
  afterAll(() => sandbox.cleanup());

  it('an unknown agent type or agent name', async () => {
    expectMistake(
      await run('sessions', '--agent-type', 'claude', '--no-sync'),
      2,
      /Unknown agent type "claude": did you mean claude-code\?/,
    );
    expectMistake(
      await run('report', 'daily', '--agent-type', 'codx', '--no-sync'),
      2,
      /Unknown agent type "codx": did you mean codex\?/,
    );
    expectMistake(
      await run('costs', 'by-model', '--agent-type', 'zzzzzz', '--no-sync'),
      2,
      /Unknown agent type "zzzzzz": known: claude-code, codex, /,
    );
    expectMistake(
      await run('sessions', '--agent', 'claude-code-defualt', '--no-sync'),
      2,
      /Unknown agent "claude-code-defualt": did you mean claude-code-default\?/,
    );
    expectMistake(
      await run('sessions', '--agent', 'nosuch', '--no-sync'),
      2,
      /Unknown agent "nosuch": known: claude-code-default \(/,
    );
    expectMistake(
      await run('costs', 'agent', 'nosuch', '--no-sync'),
      2,
      /Unknown agent type or name "nosuch": known: claude-code, /,
    );
    expectMistake(await run('costs', 'agent', 'claude', '--no-sync'), 2, /did you mean claude-code\?/);
    // Known ones still work: a type, and an agent's name.
    expect((await run('costs', 'agent', 'claude-code-default', '--no-sync', '--range', 'all')).code).toBe(0);
    expect((await run('sessions', '--agent', 'claude-code-default', '--no-sync')).code).toBe(0);
  });

  it('an unknown model', async () => {
    expectMistake(
      await run('models', 'show', 'claude-sonet-4-5'),
      2,
      /No price for "claude-sonet-4-5": did you mean .*claude-sonnet-4-5/,
    );
    expectMistake(await run('models', 'show', 'qqqqqqqqqqqq'), 2, /No price for "qqqqqqqqqqqq": rimuru models search/);
  });

  it('an unknown range or time zone', async () => {
    expectMistake(
      await run('sessions', 'history', '--range', '7days', '--no-sync'),
      2,
      /--range "7days" is not one of today, .*: did you mean 7d\?/,
    );
    expectMistake(await run('costs', '--range', 'yesteday', '--no-sync'), 2, /did you mean yesterday\?/);
    expectMistake(
      await run('sessions', '--timezone', 'Europe/Pari', '--no-sync'),
      2,
      /Unknown time zone "Europe\/Pari" in --timezone: did you mean Europe\/Paris\?/,
    );
    expectMistake(
      await run('sessions', '--timezone', 'Mars/Olympus', '--no-sync'),
      2,
      /Unknown time zone "Mars\/Olympus".*IANA zone/,
    );
    expectMistake(
      await run('sessions', '--format', 'jsn', '--no-sync'),
      2,
      /--format "jsn" is not one of table, json: did you mean json\?/,
    );
  });

  it('config keys: unknown ones are refused with the closest, unset ones say so', async () => {
    expectMistake(
      await run('config', 'set', 'fooBar', '1'),
      2,
      /Unknown config key "fooBar": known keys: db, timezone, activeWindowMinutes/,
    );
    expect(existsSync(configFile())).toBe(false);
    expectMistake(await run('config', 'set', 'activeWindowMinute', '10'), 2, /did you mean activeWindowMinutes\?/);
    expectMistake(await run('config', 'set', 'roots.claude', '["/x"]'), 2, /did you mean roots\.claude-code\?/);
    expectMistake(await run('config', 'get', 'timezon'), 2, /Unknown config key "timezon": did you mean timezone\?/);
    const unset = await run('config', 'get', 'timezone');
    expect(unset.code).toBe(1);
    expect(unset.stdout).toBe('');
    expect(unset.stderr).toMatch(/^timezone is not set: the system zone applies \(UTC\)\n$/);
    // Known keys, nested ones included, are still written and read.
    expect((await run('config', 'set', 'prices.my-model.input', '3')).code).toBe(2); // a price needs input and output
    expect((await run('config', 'set', 'roots.codex', '["/mnt/codex"]')).code).toBe(0);
    expect((await run('config', 'get', 'roots.codex')).stdout).toContain('/mnt/codex');
  });

  it('a misspelled command suggests the closest', async () => {
    expectMistake(await run('sesions'), 2, /^Error: Unknown command "sesions": did you mean rimuru sessions\?$/);
    expectMistake(
      await run('sesions', 'show', 'abcd'),
      2,
      /Unknown command "sesions show": did you mean rimuru sessions show\?/,
    );
    expectMistake(
      await run('costs', 'agnet', 'x'),
      2,
      /Unknown command "costs agnet": did you mean rimuru costs agent\?/,
    );
    expectMistake(
      await run('sessions', 'shwo', 'abcd', '--no-sync'),
      2,
      /Unknown command "sessions shwo": did you mean rimuru sessions show\?/,
    );
    expectMistake(await run('xyzzy'), 2, /Unknown command "xyzzy" \(rimuru --help lists every command\)/);
    expectMistake(
      await run('sessions', 'stats', 'extra', '--no-sync'),
      2,
      /rimuru sessions stats takes no argument "extra"/,
    );
  });

  it('missing arguments and bad numbers are named in plain words', async () => {
    expectMistake(
      await run('sessions', 'show', '--no-sync'),
      2,
      /Missing <id> \(session id, .*\): rimuru sessions show <id>/,
    );
    expectMistake(
      await run('models', 'search'),
      2,
      /Missing <text> \(part of a model name\): rimuru models search <text>/,
    );
    expectMistake(await run('db', 'prune'), 2, /Missing --before \(YYYY-MM-DD .*\): rimuru db prune --before <value>/);
    expectMistake(
      await run('sessions', '--limit', '-5', '--no-sync'),
      2,
      /--limit must be a whole number of at least 1, not -5/,
    );
    expectMistake(await run('sessions', '--limit', 'ten', '--no-sync'), 2, /--limit must be a whole number, not ten/);
    expectMistake(
      await run('sessions', '--active-window', '0', '--no-sync'),
      2,
      /--active-window must be a whole number of at least 1, not 0/,
    );
  });

  it('no command reads stdin unless documented: piped text is not an argument', () => {
    const piped = (args: string[], input: string) =>
      spawnSync(process.execPath, [BIN_PATH, ...args], {
        input,
        env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', ...sandbox.env },
        encoding: 'utf8',
      });
    const status = piped(['hooks', 'status'], 'x\n');
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^claude-code: /m);
    const show = piped(['sessions', 'show', '--no-sync'], 'abcd\n');
    expect(show.status).toBe(2);
    expect(show.stderr).toMatch(/Missing <id>/);
  });
});
