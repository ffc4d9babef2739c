import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LITELLM_PRICES, BUNDLED_PRICES_SOURCE, bundledPriceTable } from './bundled.js';
import { parseLiteLLMPrices } from './litellm.js';
import { SONNET_45_PICOS } from './__fixtures__/sonnet-45.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const sharedPrices = resolve(repoRoot, '../shared/data/litellm-model-prices.json');

describe('bundled price table (real LiteLLM snapshot)', () => {
  const table = bundledPriceTable();

  it('is memoised and labelled', () => {
    expect(bundledPriceTable()).toBe(table);
    expect(table.source).toBe(BUNDLED_PRICES_SOURCE);
    expect(BUNDLED_PRICES_SOURCE).toBe('litellm snapshot 2026-07-24');
  });

  it('holds every derived entry and no sample_spec', () => {
    expect(table.size).toBe(Object.keys(BUNDLED_LITELLM_PRICES).length);
    expect(table.size).toBeGreaterThan(200);
    expect(table.get('sample_spec')).toBeUndefined();
  });

  it('is the table the LiteLLM schema gives: every entry valid, the same prices', () => {
    // bundledPriceTable() reads the snapshot without the schema; this is what makes that safe.
    const parsed = parseLiteLLMPrices(BUNDLED_LITELLM_PRICES);
    expect(parsed.skipped).toEqual([]);
    expect(table.keys()).toEqual([...parsed.prices.keys()].sort());
    for (const [key, price] of parsed.prices) expect(table.get(key), key).toEqual(price);
  });

  it('prices Claude Sonnet 4.5 as LiteLLM lists it', () => {
    expect(table.lookup('claude-sonnet-4-5-20250929')).toEqual({
      key: 'claude-sonnet-4-5-20250929',
      price: SONNET_45_PICOS,
    });
  });

  it('carries the fast multiplier of Opus 4.6', () => {
    const hit = table.lookup('claude-opus-4-6');
    expect(hit.key).toBe('claude-opus-4-6');
    expect(hit.key !== null && hit.price.fastMultiplier).toBe(6);
  });

  it.each([
    // model names seen in real agent files (shared/real-samples) and common spellings
    ['claude-opus-4-6', 'claude-opus-4-6'],
    ['claude-haiku-4-5-20251001', 'claude-haiku-4-5-20251001'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4-20250514'],
    ['claude-sonnet-4', 'claude-sonnet-4-20250514'],
    ['claude-opus-4', 'claude-opus-4-20250514'],
    ['claude-haiku-4.5', 'claude-haiku-4-5'],
    ['claude-opus-4.5', 'claude-opus-4-5'],
    ['claude-4.5-sonnet', 'claude-sonnet-4-5'],
    ['converse/jp.anthropic.claude-haiku-4-5-20251001-v1:0', 'claude-haiku-4-5-20251001'],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5-20250929'],
    ['anthropic/claude-opus-4-6', 'claude-opus-4-6'],
    ['claude-opus-4-6-thinking', 'claude-opus-4-6-thinking'],
    ['claude-opus-4-6-1m', 'claude-opus-4-6'],
    ['claude-sonnet-4-5-20250929-1m-internal', 'claude-sonnet-4-5-20250929'],
    ['claude-3-7-sonnet', 'claude-3-7-sonnet-20250219'],
    ['gpt-5.3-codex', 'gpt-5.3-codex'],
    ['gpt-5-1-codex-2025-11-13', 'gpt-5.1-codex'],
    ['openai/gpt-5', 'gpt-5'],
    ['gpt-4o', 'gpt-4o'],
    ['o1', 'o1-2024-12-17'],
    ['gemini-2.5-pro', 'gemini-2.5-pro'],
  ])('%s → %s', (model, key) => {
    expect(table.lookup(model).key).toBe(key);
  });

  it.each(['<synthetic>', 'sonnet', 'default', 'claude-3-5-sonnet-20241022', 'gmini-pro', 'gpt-image-1'])(
    '%s is unpriced',
    (model) => {
      expect(table.lookup(model)).toMatchObject({ key: null, reason: 'unknown' });
    },
  );

  it('has no undated name with several dated keys and no undated key', () => {
    // Every such name would look up as ambiguous; the snapshot has none today.
    const ambiguous = table
      .keys()
      .map((k) => table.lookup(k.replace(/-(\d{8}|\d{4}-\d{2}-\d{2})$/, '')))
      .filter((r) => r.key === null && r.reason === 'ambiguous');
    expect(ambiguous).toEqual([]);
  });
});

// Skipped without the snapshot on a developer's machine; under CI a missing snapshot fails.
const snapshotMissing = !existsSync(sharedPrices);
describe.skipIf(snapshotMissing && process.env['CI'] !== 'true')('bundled-prices.generated.ts drift', () => {
  it('matches what scripts/derive-bundled-prices.mjs derives from ../shared/data', () => {
    if (snapshotMissing)
      throw new Error(`CI=true and no price snapshot at ${sharedPrices}: check out shared/ beside the repo`);
    const run = spawnSync(process.execPath, ['scripts/derive-bundled-prices.mjs', '--check'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('up to date');
  });
});

describe('scripts/derive-bundled-prices.mjs --check', () => {
  const generated = resolve(repoRoot, 'packages/core/src/pricing/bundled-prices.generated.ts');
  const runScript = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/derive-bundled-prices.mjs', ...args], { cwd: repoRoot, encoding: 'utf8' });

  it('exits 1 on drift and leaves the committed file alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rimuru-prices-'));
    try {
      const input = join(dir, 'prices.json');
      writeFileSync(
        input,
        JSON.stringify({ 'only-model': { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 } }),
      );
      const before = readFileSync(generated, 'utf8');
      const run = runScript(input, '--check');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('out of date');
      expect(readFileSync(generated, 'utf8')).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a missing input or an unknown flag', () => {
    expect(runScript('/nonexistent/prices.json', '--check').status).toBe(2);
    expect(runScript('--frobnicate').status).toBe(2);
  });
});
