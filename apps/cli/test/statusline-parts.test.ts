import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BudgetStatusJson } from '@rimuru/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedAnswer, statuslineCachePath, storeAnswer } from '../src/statusline/statusline-cache.js';
import type { StatuslineFigures } from '../src/statusline/statusline-figures.js';
import { parseStatuslineInput } from '../src/statusline/statusline-input.js';
import { statuslineText } from '../src/statusline/statusline-line.js';
import { statuslineOptionsOf } from '../src/statusline/statusline-main.js';

describe('statusline input', () => {
  it('reads the fields it uses and nulls what is missing or malformed', () => {
    expect(
      parseStatuslineInput(
        JSON.stringify({
          session_id: 's1',
          transcript_path: '/t/s1.jsonl',
          model: { id: 'claude-opus-4-6', display_name: 'Opus' },
          workspace: { current_dir: '/w' },
        }),
      ),
    ).toEqual({
      sessionId: 's1',
      transcriptPath: '/t/s1.jsonl',
      modelId: 'claude-opus-4-6',
      modelName: 'Opus',
      cwd: '/w',
    });
    // A relative transcript path is not followed; a model that is not an object names nothing.
    expect(
      parseStatuslineInput(JSON.stringify({ session_id: ' ', transcript_path: 'rel.jsonl', model: 'x', cwd: '/c' })),
    ).toEqual({
      sessionId: null,
      transcriptPath: null,
      modelId: null,
      modelName: null,
      cwd: '/c',
    });
    for (const bad of ['', 'nope', '[]', 'null', '3']) expect(parseStatuslineInput(bad)).toBeNull();
  });
});

describe('statusline text', () => {
  const figures = (over: Partial<StatuslineFigures> = {}): StatuslineFigures =>
    ({
      session: { totalTokens: 1_234_567, costUsd: 3.4112, model: 'claude-opus-4-6' },
      today: { costUsd: 12.8 },
      block: {
        costUsd: 8.2,
        remainingMinutes: 135,
        burnRate: { costUsdPerHour: 4.1, tokensPerMinute: 1, nonCacheTokensPerMinute: 1 },
      },
      budget: null,
      ...over,
    }) as unknown as StatuslineFigures;
  const budget = (over: Partial<BudgetStatusJson>): BudgetStatusJson =>
    ({
      name: 'daily',
      amountUsd: 20,
      spentUsd: 12.8,
      percentUsed: 64,
      projectedUsd: 18,
      state: 'ok',
      projectedState: 'ok',
      ...over,
    }) as BudgetStatusJson;

  it('shows every part, and leaves out what has nothing to show', () => {
    expect(statuslineText('Opus 4.6', figures(), { color: false })).toBe(
      'Opus 4.6 | session 1.2M tok $3.41 | today $12.80 | block $8.20 (2h 15m left, $4.10/h)',
    );
    expect(statuslineText('Opus', figures({ session: null, block: null }), { color: false })).toBe(
      'Opus | session — | today $12.80',
    );
    const early = figures({
      block: { costUsd: 0.02, remainingMinutes: 45, burnRate: null } as StatuslineFigures['block'],
    });
    expect(statuslineText('Opus', early, { color: false })).toContain('| block $0.0200 (45m left)');
  });

  it('names the tightest budget, its projection when the period ends worse, colours only with colour on', () => {
    expect(statuslineText('Opus', figures({ budget: budget({}) }), { color: false })).toMatch(
      /\| budget daily 64% of \$20\.00 ok$/,
    );
    const heading = budget({ projectedUsd: 31.5, projectedState: 'exceeded' });
    expect(statuslineText('Opus', figures({ budget: heading }), { color: false })).toMatch(
      /budget daily 64% of \$20\.00 ok \(projected \$31\.50: exceeded\)$/,
    );
    const over = budget({ percentUsed: 120.5, spentUsd: 24.1, state: 'exceeded', projectedState: 'exceeded' });
    expect(statuslineText('Opus', figures({ budget: over }), { color: true })).toMatch(
      // eslint-disable-next-line no-control-regex -- the red the terminal is sent, escape sequences and all
      /budget daily 121% of \$20\.00 \u001b\[31mexceeded\u001b\[39m$/,
    );
  });
});

describe('the lean entry’s arguments', () => {
  it('takes only the command’s own flags with valid values; anything else goes to oclif', () => {
    expect(statuslineOptionsOf([], {})).toEqual({
      format: 'line',
      timeoutMs: 1000,
      db: undefined,
      timezone: undefined,
      costMode: 'auto',
      color: true,
      verbose: false,
    });
    expect(
      statuslineOptionsOf(
        ['--format=json', '--timeout', '250', '--no-color', '--cost-mode', 'calculate', '--db', '/x.db'],
        {},
      ),
    ).toMatchObject({
      format: 'json',
      timeoutMs: 250,
      color: false,
      costMode: 'calculate',
      db: '/x.db',
    });
    expect(statuslineOptionsOf([], { NO_COLOR: '1' })?.color).toBe(false);
    for (const argv of [
      ['--help'],
      ['-h'],
      ['--format', 'csv'],
      ['--timeout', '0'],
      ['--timeout', '1.5'],
      ['--cost-mode', 'x'],
      ['extra'],
      ['--typo'],
    ]) {
      expect(statuslineOptionsOf(argv, {}), argv.join(' ')).toBeNull();
    }
  });
});

describe('statusline cache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rimuru-statusline-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lives in the XDG cache dir', () => {
    expect(statuslineCachePath({ XDG_CACHE_HOME: '/c' }, '/h')).toBe('/c/rimuru/statusline.json');
    expect(statuslineCachePath({ XDG_CACHE_HOME: 'relative' }, '/h')).toBe('/h/.cache/rimuru/statusline.json');
  });

  it('keeps each session’s last answer; without a session id the newest of any', async () => {
    const path = join(dir, 'rimuru', 'statusline.json');
    expect(await cachedAnswer(path, 's1')).toBeNull();
    await storeAnswer(path, 's1', { line: 'one', json: {}, at: '2026-01-01T10:00:00.000Z' });
    await storeAnswer(path, 's2', { line: 'two', json: {}, at: '2026-01-01T11:00:00.000Z' });
    await storeAnswer(path, 's1', { line: 'one again', json: {}, at: '2026-01-01T09:00:00.000Z' });
    expect((await cachedAnswer(path, 's1'))?.line).toBe('one again');
    expect(await cachedAnswer(path, 's3')).toBeNull();
    expect((await cachedAnswer(path, null))?.line).toBe('two');
    // A damaged file is no error: it is only ever a fallback, and the next answer rewrites it.
    await writeFile(path, '{ half');
    expect(await cachedAnswer(path, 's1')).toBeNull();
    await storeAnswer(path, 's1', { line: 'fresh', json: {}, at: '2026-01-02T00:00:00.000Z' });
    const cache = JSON.parse(await readFile(path, 'utf8')) as { sessions: Record<string, { line: string }> };
    expect(cache.sessions['s1']?.line).toBe('fresh');
  });
});
