import { describe, expect, it } from 'vitest';
import { formatDuration, formatTokens, formatTokensExact, formatUsd, shortId } from './format.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [45 * S, '45s'],
    [59 * S + 999, '59s'],
    [60 * S, '1m 00s'],
    [15 * M + 32 * S, '15m 32s'],
    [59 * M + 59 * S, '59m 59s'],
    [H, '1h 00m'],
    [2 * H + 5 * M + 59 * S, '2h 05m'],
    [23 * H + 59 * M, '23h 59m'],
    [D, '1d 0h'],
    [3 * D + 4 * H + 59 * M, '3d 4h'],
    [400 * D, '400d 0h'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
  it('never prints a negative or NaN duration', () => {
    expect(formatDuration(-5000)).toBe('0s');
    expect(formatDuration(Number.NaN)).toBe('0s');
  });
});

describe('formatTokens', () => {
  it.each([
    [null, '—'],
    [0, '0'],
    [999, '999'],
    [999.4, '999'],
    [1000, '1K'],
    [12_000, '12K'],
    [12_040, '12K'],
    [12_500, '12.5K'],
    [12_549, '12.5K'],
    [999_949, '999.9K'],
    [999_950, '1M'],
    [1_200_000, '1.2M'],
    [1_250_000, '1.3M'],
    [3_400_000_000, '3.4B'],
    [5_000_000_000_000, '5000B'],
  ])('%s → %s', (n, text) => {
    expect(formatTokens(n)).toBe(text);
  });
  it('keeps the sign of a negative delta', () => {
    expect(formatTokens(-1500)).toBe('-1.5K');
  });
});

describe('formatTokensExact', () => {
  it('groups thousands', () => {
    expect(formatTokensExact(1_234_567)).toBe('1,234,567');
    expect(formatTokensExact(999)).toBe('999');
    expect(formatTokensExact(1000)).toBe('1,000');
    expect(formatTokensExact(-1_234_567)).toBe('-1,234,567');
    expect(formatTokensExact(-123)).toBe('-123');
    expect(formatTokensExact(12_345_678_901.4)).toBe('12,345,678,901');
    expect(formatTokensExact(0)).toBe('0');
    expect(formatTokensExact(null)).toBe('—');
  });
});

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [-0, '$0.00'],
    [0.0234, '$0.0234'],
    [0.02345, '$0.0235'],
    [0.5, '$0.5000'],
    [0.99994, '$0.9999'],
    [0.99996, '$1.00'],
    [1, '$1.00'],
    [1.005, '$1.01'],
    [12.3456, '$12.35'],
    [1234.5, '$1,234.50'],
    [1_234_567.891, '$1,234,567.89'],
    [-0.5, '-$0.5000'],
    [-1234.5, '-$1,234.50'],
  ])('%d → %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
});

describe('shortId', () => {
  it('keeps 8 characters and marks the cut', () => {
    expect(shortId('3f2a9c1e-aaaa-bbbb-cccc-000000000000')).toBe('3f2a9c1e…');
    expect(shortId('12345678')).toBe('12345678');
    expect(shortId('abc')).toBe('abc');
  });
});
