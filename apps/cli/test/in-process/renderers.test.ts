import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { useCommandMachine, writeClaudeSession } from './command-harness.js';

const LONG_CWD = '/home/someone/work/clients/a-very-long-client-name/services/payments-reconciliation-service';
const SESSION = 'abcd0001-0000-4000-8000-000000000001';
const MODELS = ['claude-sonnet-4-5-20250929', 'claude-opus-4-6', 'some-unpriced-model-with-a-long-name'];

/** Table commands as a user types them (all on the synced store, without a new sync). */
const TABLES: [command: string, argv: string[]][] = [
  ['sessions', []],
  ['sessions history', ['--range', 'all']],
  ['sessions show', ['abcd']],
  ['sessions stats', ['--range', 'all']],
  ['report daily', ['--breakdown']],
  ['costs', ['--range', 'all']],
  ['costs by-model', ['--range', 'all']],
  ['agents', []],
];

/** The renderers behind the commands, run in-process: tables that fit, and JSON documents. */
describe('renderers (in-process)', () => {
  const machine = useCommandMachine(async (m) => {
    writeClaudeSession(m.home, { id: SESSION, cwd: LONG_CWD, models: MODELS });
    expect((await m.run('sync', [])).code).toBe(0);
  });
  const tty80 = { RIMURU_FORCE_TTY: '1', COLUMNS: '80' };

  it.each(TABLES)('%s %s: at most 80 columns wide in an 80-column terminal', async (command, argv) => {
    const result = await machine.run(command, [...argv, '--no-sync'], tty80);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('a piped table keeps every column; --wide keeps them on a terminal too', async () => {
    const piped = await machine.run('sessions', ['--no-sync']);
    expect(piped.stdout).toContain('payments-reconciliation-service');
    expect(piped.stdout).toContain('Duration');
    const narrow = await machine.run('sessions', ['--no-sync'], tty80);
    expect(narrow.stdout).not.toContain('payments-reconciliation-service');
    const wide = await machine.run('sessions', ['--no-sync', '--wide'], tty80);
    expect(wide.stdout).toContain('payments-reconciliation-service');
  });

  it('sessions --format json: one array of sessions with their figures', async () => {
    const result = await machine.run('sessions', ['--no-sync', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const sessions = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      externalId: SESSION,
      agentType: 'claude-code',
      agentName: 'claude-code-default',
      status: 'completed',
      startedAt: '2026-01-01T00:00:00.000Z',
      endedAt: '2026-01-01T02:00:00.000Z',
      inputTokens: 3 * 123_456,
      outputTokens: 3 * 23_456,
      cacheReadTokens: 3 * 12_345_678,
      cacheWriteTokens: 3 * 345_678,
      models: expect.arrayContaining(MODELS) as unknown,
      projectPath: LONG_CWD,
      requestCount: 3,
    });
    expect(typeof sessions[0]?.costUsd).toBe('number');
    // --json is --format json.
    expect((await machine.run('sessions', ['--no-sync', '--json'])).stdout).toBe(result.stdout);
  });

  it('report daily and costs --format json: rows and totals that agree', async () => {
    const daily = await machine.run('report daily', ['--no-sync', '--format', 'json', '--breakdown']);
    expect(daily.code, daily.stderr).toBe(0);
    const report = JSON.parse(daily.stdout) as {
      period: string;
      timezone: string;
      rows: { period: string; totalTokens: number; requestCount: number; breakdown: { model: string }[] }[];
      totals: { totalTokens: number; requestCount: number; sessions: number };
    };
    expect(report).toMatchObject({ period: 'daily', timezone: 'UTC', totals: { requestCount: 3, sessions: 1 } });
    expect(report.rows.map((row) => row.period)).toEqual(['2026-01-01']);
    expect(report.rows[0]?.breakdown.map((b) => b.model).sort()).toEqual([...MODELS].sort());
    expect(report.rows[0]?.totalTokens).toBe(report.totals.totalTokens);

    const costs = await machine.run('costs by-model', ['--no-sync', '--format', 'json', '--range', 'all']);
    expect(costs.code, costs.stderr).toBe(0);
    const byModel = JSON.parse(costs.stdout) as {
      groupBy: string;
      rows: { name: string; requestCount: number; totalTokens: number }[];
      totals: { requestCount: number; totalTokens: number };
    };
    expect(byModel.groupBy).toBe('model');
    expect(byModel.rows.map((row) => row.name).sort()).toEqual([...MODELS].sort());
    expect(byModel.totals).toMatchObject({ requestCount: 3, totalTokens: report.totals.totalTokens });
  });
});
