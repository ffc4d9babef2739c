import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempHome } from '../fs-home.js';
import { ccusageClasses, corpusGate, oracleClasses, sumClasses } from './index.js';

describe('corpusGate', () => {
  it('runs when the corpus has every needed path; skips when it lacks one, even under CI', async () => {
    await withTempHome(async (home) => {
      await mkdir(join(home.dir, 'pi'));
      expect(corpusGate(['pi'], { dir: home.dir, ci: true })).toEqual({ run: true });
      expect(corpusGate(['pi', 'crush'], { dir: home.dir, ci: true })).toMatchObject({ run: false, fail: false });
      expect(corpusGate(['crush'], { dir: home.dir, ci: false })).toMatchObject({ run: false, fail: false });
    });
  });

  it('skips without the corpus on a developer machine and fails under CI', () => {
    const dir = '/nonexistent/shared/real-samples';
    expect(corpusGate([], { dir, ci: false })).toMatchObject({ run: false, fail: false });
    expect(corpusGate(['pi'], { dir, ci: true })).toMatchObject({ run: false, fail: true });
  });
});

describe('token classes', () => {
  it('puts both cache-write lifetimes in ccusage’s cache creation and reads either oracle’s sessions', () => {
    expect(
      ccusageClasses({ input: 1, output: 2, cacheRead: 3, cacheWrite5m: 4, cacheWrite1h: 5, reasoning: 6 }),
    ).toEqual([1, 2, 3, 9]);
    const more = {
      sessionId: 's',
      inputTokens: 1,
      outputTokens: 2,
      cacheReadTokens: 3,
      cacheCreationTokens: 4,
      totalTokens: 10,
      modelsUsed: [],
    };
    const unit = { id: 's', input: 5, output: 6, cacheRead: 7, cacheCreation: 8, totalTokens: 26, models: [] };
    expect(oracleClasses(more)).toEqual([1, 2, 3, 4]);
    expect(oracleClasses(unit)).toEqual([5, 6, 7, 8]);
    expect(sumClasses([oracleClasses(more), oracleClasses(unit)])).toEqual([6, 8, 10, 12]);
  });
});
