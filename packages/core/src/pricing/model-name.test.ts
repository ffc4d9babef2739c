import { describe, expect, it } from 'vitest';
import { canonicalModelName, hasDateSuffix, modelNameCandidates, stripDateSuffix } from './model-name.js';

describe('canonicalModelName', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929'],
    ['Claude-Opus-4.5', 'claude-opus-4-5'],
    ['anthropic/claude-opus-4-6', 'claude-opus-4-6'],
    ['openrouter/anthropic/claude-sonnet-4.5', 'claude-sonnet-4-5'],
    ['openai/gpt-5.1-codex', 'gpt-5-1-codex'],
    ['azure/gpt-4o', 'gpt-4o'],
    ['vertex_ai/claude-3-5-sonnet@20240620', 'claude-3-5-sonnet-20240620'],
    ['bedrock/anthropic.claude-3-haiku-20240307-v1:0', 'claude-3-haiku-20240307'],
    ['converse/jp.anthropic.claude-haiku-4-5-20251001-v1:0', 'claude-haiku-4-5-20251001'],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5-20250929'],
    ['apac.anthropic.claude-sonnet-4-20250514-v2:0', 'claude-sonnet-4-20250514'],
    ['eu.anthropic.claude-opus-4-1-20250805-v1:0', 'claude-opus-4-1-20250805'],
    ['  gpt-4.1  ', 'gpt-4-1'],
  ])('%s → %s', (name, canonical) => {
    expect(canonicalModelName(name)).toBe(canonical);
  });
});

describe('date suffixes', () => {
  it('recognises YYYYMMDD and YYYY-MM-DD with a plausible month and day', () => {
    expect(hasDateSuffix('claude-sonnet-4-20250514')).toBe(true);
    expect(hasDateSuffix('gpt-4o-2024-08-06')).toBe(true);
    expect(hasDateSuffix('claude-sonnet-4-5')).toBe(false);
    expect(hasDateSuffix('gpt-4-0613')).toBe(false);
    expect(hasDateSuffix('model-20251399')).toBe(false);
    expect(hasDateSuffix('model-123456789')).toBe(false);
  });
  it('strips only the date', () => {
    expect(stripDateSuffix('claude-sonnet-4-20250514')).toBe('claude-sonnet-4');
    expect(stripDateSuffix('gpt-4o-2024-08-06')).toBe('gpt-4o');
    expect(stripDateSuffix('claude-sonnet-4-5')).toBe('claude-sonnet-4-5');
  });
});

describe('modelNameCandidates', () => {
  it('tries the name, then without routing suffixes, each with the Claude name-order twin', () => {
    expect(modelNameCandidates('claude-opus-4-6-1m-internal')).toEqual([
      'claude-opus-4-6-1m-internal',
      'claude-4-6-opus-1m-internal',
      'claude-opus-4-6',
      'claude-4-6-opus',
    ]);
    expect(modelNameCandidates('claude-sonnet-4-5-20250929-thinking')).toEqual([
      'claude-sonnet-4-5-20250929-thinking',
      'claude-4-5-sonnet-20250929-thinking',
      'claude-sonnet-4-5-20250929',
      'claude-4-5-sonnet-20250929',
    ]);
  });
  it('strips stacked routing suffixes one at a time', () => {
    expect(modelNameCandidates('gpt-5-codex-1m-xhigh')).toEqual([
      'gpt-5-codex-1m-xhigh',
      'gpt-5-codex-1m',
      'gpt-5-codex',
    ]);
  });
  it('swaps the old Claude order to the new one', () => {
    expect(modelNameCandidates('claude-4.5-sonnet')).toEqual(['claude-4-5-sonnet', 'claude-sonnet-4-5']);
    expect(modelNameCandidates('claude-3-5-sonnet-20241022')).toContain('claude-sonnet-3-5-20241022');
  });
  it('never shortens a version', () => {
    expect(modelNameCandidates('claude-sonnet-4-5')).not.toContain('claude-sonnet-4');
  });
  it('gives nothing for an empty name', () => {
    expect(modelNameCandidates('  ')).toEqual([]);
  });
  it('does not strip a routing suffix that is the whole name', () => {
    expect(modelNameCandidates('-high')).toEqual(['-high']);
  });
});
