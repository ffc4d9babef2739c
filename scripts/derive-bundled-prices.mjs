#!/usr/bin/env node
// Derives packages/core/src/pricing/bundled-prices.generated.ts (the offline price snapshot
// that ships with @rimuru/core) from a LiteLLM model_prices_and_context_window.json.
//
//   node scripts/derive-bundled-prices.mjs [path/to/litellm.json] [--check]
//
// Default input: ../shared/data/litellm-model-prices.json relative to the repo root.
// --check: write nothing; exit 1 when the committed file differs from what would be written.
// Plain Node ESM without dependencies, so it runs before anything is built.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_LABEL = 'litellm snapshot 2026-07-24';

// The fields the cost formula reads, plus what helps explain a price (provider, mode, context).
const KEPT_FIELDS = [
  'input_cost_per_token',
  'output_cost_per_token',
  'cache_creation_input_token_cost',
  'cache_creation_input_token_cost_above_1hr',
  'cache_read_input_token_cost',
  'input_cost_per_token_above_200k_tokens',
  'output_cost_per_token_above_200k_tokens',
  'cache_creation_input_token_cost_above_200k_tokens',
  'cache_creation_input_token_cost_above_1hr_above_200k_tokens',
  'cache_read_input_token_cost_above_200k_tokens',
  'provider_specific_entry',
  'litellm_provider',
  'mode',
  'max_input_tokens',
];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = resolve(repoRoot, 'packages/core/src/pricing/bundled-prices.generated.ts');

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

/** Keeps priced-per-token entries (as the price table does) and only their cost fields. */
function deriveEntries(json) {
  const out = {};
  for (const key of Object.keys(json).sort()) {
    const entry = json[key];
    if (key === 'sample_spec' || entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    if (typeof entry.input_cost_per_token !== 'number' || typeof entry.output_cost_per_token !== 'number') continue;
    const kept = {};
    for (const field of KEPT_FIELDS) if (entry[field] !== undefined) kept[field] = entry[field];
    out[key] = sortKeys(kept);
  }
  return out;
}

function render(entries, inputName) {
  return [
    '// GENERATED FILE: do not edit by hand.',
    `// Derived by scripts/derive-bundled-prices.mjs from ${inputName}`,
    '// (LiteLLM model_prices_and_context_window.json, MIT). Re-run the script to update it;',
    '// `node scripts/derive-bundled-prices.mjs --check` fails when this file has drifted.',
    '',
    `export const BUNDLED_PRICES_SOURCE = ${JSON.stringify(SOURCE_LABEL).replaceAll('"', "'")};`,
    '',
    // One model per line: compact, and a price change shows as a one-line diff.
    'export const BUNDLED_LITELLM_PRICES: Record<string, Record<string, unknown>> = {',
    ...Object.entries(entries).map(([key, entry]) => `  ${JSON.stringify(key)}: ${JSON.stringify(entry)},`),
    '};',
    '',
  ].join('\n');
}

function main(argv) {
  const check = argv.includes('--check');
  const positional = argv.filter((a) => !a.startsWith('--'));
  const unknownFlags = argv.filter((a) => a.startsWith('--') && a !== '--check');
  if (unknownFlags.length > 0 || positional.length > 1) {
    process.stderr.write('usage: node scripts/derive-bundled-prices.mjs [litellm.json] [--check]\n');
    return 2;
  }
  const inputPath = positional[0]
    ? resolve(process.cwd(), positional[0])
    : resolve(repoRoot, '../shared/data/litellm-model-prices.json');
  if (!existsSync(inputPath)) {
    process.stderr.write(`derive-bundled-prices: input not found: ${inputPath}\n`);
    return 2;
  }
  const json = JSON.parse(readFileSync(inputPath, 'utf8'));
  const entries = deriveEntries(json);
  const text = render(entries, 'litellm-model-prices.json');
  const shownOut = relative(repoRoot, outputPath);
  if (check) {
    const current = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : null;
    if (current !== text) {
      process.stderr.write(
        `derive-bundled-prices: ${shownOut} is out of date; run node scripts/derive-bundled-prices.mjs\n`,
      );
      return 1;
    }
    process.stdout.write(`derive-bundled-prices: ${shownOut} is up to date (${Object.keys(entries).length} models)\n`);
    return 0;
  }
  writeFileSync(outputPath, text);
  process.stdout.write(`derive-bundled-prices: wrote ${shownOut} (${Object.keys(entries).length} models)\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
