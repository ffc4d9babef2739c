// @module-tag built
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeAssistantLine } from '@rimuru/test-utils/claude';
import { makeSandbox, runCli } from './cli-harness.js';

const LONG_CWD = '/home/someone/work/clients/a-very-long-client-name/services/payments-reconciliation-service';
const MODELS = [
  'claude-sonnet-4-5-20250929',
  'claude-opus-4-6',
  'claude-haiku-4-5-20251001',
  'some-unpriced-model-with-a-long-name',
];
const SESSION = 'abcd0001-0000-4000-8000-000000000001';

/** Every table command, run as in an 80-column terminal. */
const TABLE_COMMANDS: string[][] = [
  ['sessions'],
  ['sessions', 'history', '--range', 'all'],
  ['sessions', 'show', 'abcd'],
  ['sessions', 'stats', '--range', 'all'],
  ['agents'],
  ['report', 'daily', '--breakdown'],
  ['report', 'daily', '--by', 'project'],
  ['report', 'weekly', '--by', 'model'],
  ['report', 'monthly', '--breakdown'],
  ['report', 'blocks'],
  ['costs', '--range', 'all'],
  ['costs', 'summary', '--range', 'all'],
  ['costs', 'by-model', '--range', 'all'],
  ['costs', 'agent', 'claude-code', '--range', 'all'],
  ['models', 'list'],
  ['models', 'search', 'claude'],
  ['models', 'missing'],
  ['models', 'show', 'claude-sonnet-4-5'],
];

describe('tables fit the terminal', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  const tty80 = () => ({ ...sandbox.env, RIMURU_FORCE_TTY: '1', COLUMNS: '80' });

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const dir = join(sandbox.home, '.claude', 'projects', LONG_CWD.replaceAll('/', '-'));
    mkdirSync(dir, { recursive: true });
    const lines = MODELS.map((model, i) =>
      claudeAssistantLine({
        sessionId: SESSION,
        cwd: LONG_CWD,
        timestamp: `2026-01-01T0${i}:00:00.000Z`,
        model,
        messageId: `m-${i}`,
        requestId: `r-${i}`,
        usage: { input: 123_456, output: 23_456, cacheRead: 12_345_678, cacheWrite5m: 345_678 },
      }),
    );
    writeFileSync(join(dir, `${SESSION}.jsonl`), `${lines.join('\n')}\n`);
    expect((await runCli(['sync'], sandbox.env)).code).toBe(0);
  });
  afterAll(() => sandbox.cleanup());

  it.each(TABLE_COMMANDS)('%s … is at most 80 columns wide in an 80-column terminal', async (...command) => {
    const result = await runCli(
      [...command, '--no-sync'].filter((a) => !(command[0] === 'models' && a === '--no-sync')),
      tty80(),
    );
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('piped output keeps the full table; --wide shows every column on a terminal', async () => {
    const piped = await runCli(['sessions', '--no-sync'], sandbox.env);
    expect(piped.stdout).toContain('payments-reconciliation-service');
    expect(piped.stdout).toContain('Duration');
    const narrow = await runCli(['sessions', '--no-sync'], tty80());
    expect(narrow.stdout).not.toContain('payments-reconciliation-service');
    const wide = await runCli(['sessions', '--no-sync', '--wide'], tty80());
    expect(wide.stdout).toBe(piped.stdout);
    const show = await runCli(['sessions', 'show', 'abcd', '--no-sync', '--wide'], tty80());
    expect(show.stdout).toContain(LONG_CWD);
  });
});
