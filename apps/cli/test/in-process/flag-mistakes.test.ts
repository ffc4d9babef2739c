import { describe, expect, it } from 'vitest';
import { expectOneLineError, useCommandMachine, writeClaudeSession } from './command-harness.js';

/** Mistakes in flags, run in-process: exit 2 and one line naming the closest or the known values. */
describe('flag mistakes (in-process)', () => {
  const machine = useCommandMachine(async (m) => {
    writeClaudeSession(m.home, {
      id: 'abcd0001-0000-4000-8000-000000000001',
      cwd: '/w',
      models: ['claude-sonnet-4-5'],
    });
    expect((await m.run('sync', [])).code).toBe(0);
  });

  it('an unknown --agent-type suggests the closest, or lists the known ones', async () => {
    expectOneLineError(
      await machine.run('sessions', ['--agent-type', 'claude', '--no-sync']),
      2,
      /^Error: Unknown agent type "claude": did you mean claude-code\?/,
    );
    expectOneLineError(
      await machine.run('report daily', ['--agent-type', 'codx', '--no-sync']),
      2,
      /Unknown agent type "codx": did you mean codex\?/,
    );
    expectOneLineError(
      await machine.run('costs by-model', ['--agent-type', 'zzzzzz', '--no-sync']),
      2,
      /Unknown agent type "zzzzzz": known: claude-code, codex, /,
    );
    expectOneLineError(
      await machine.run('sessions', ['--agent', 'claude-code-defualt', '--no-sync']),
      2,
      /Unknown agent "claude-code-defualt": did you mean claude-code-default\?/,
    );
    // The known ones still answer.
    const known = await machine.run('sessions', ['--agent-type', 'claude-code', '--no-sync', '--format', 'json']);
    expect(known.code, known.stderr).toBe(0);
    expect(JSON.parse(known.stdout)).toHaveLength(1);
  });

  it('a bad --range names the known ranges and the closest', async () => {
    expectOneLineError(
      await machine.run('sessions history', ['--range', '7days', '--no-sync']),
      2,
      /--range "7days" is not one of today, .*: did you mean 7d\?/,
    );
    expectOneLineError(
      await machine.run('costs', ['--range', 'yesteday', '--no-sync']),
      2,
      /--range "yesteday" .*did you mean yesterday\?/,
    );
  });

  it('a bad --timezone suggests the closest IANA zone, or says what one looks like', async () => {
    expectOneLineError(
      await machine.run('sessions', ['--timezone', 'Europe/Pari', '--no-sync']),
      2,
      /^Error: Unknown time zone "Europe\/Pari" in --timezone: did you mean Europe\/Paris\?$/,
    );
    expectOneLineError(
      await machine.run('report daily', ['--timezone', 'Mars/Olympus', '--no-sync']),
      2,
      /Unknown time zone "Mars\/Olympus".*IANA zone/,
    );
  });

  it('a bad --format, --limit or missing argument is named in plain words', async () => {
    expectOneLineError(
      await machine.run('sessions', ['--format', 'jsn', '--no-sync']),
      2,
      /--format "jsn" is not one of table, json: did you mean json\?/,
    );
    expectOneLineError(
      await machine.run('sessions', ['--limit', '-5', '--no-sync']),
      2,
      /--limit must be a whole number of at least 1, not -5/,
    );
    expectOneLineError(
      await machine.run('sessions', ['--limit', 'ten', '--no-sync']),
      2,
      /--limit must be a whole number, not ten/,
    );
    expectOneLineError(
      await machine.run('sessions show', ['--no-sync']),
      2,
      /Missing <id> \(session id, .*\): rimuru sessions show <id>/,
    );
    expectOneLineError(
      await machine.run('sessions', ['--json', '--format', 'table', '--no-sync']),
      2,
      /--json means --format json, not --format table/,
    );
  });
});
