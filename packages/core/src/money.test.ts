import { describe, expect, it } from 'vitest';
import { nanosToUsd, sumNanos, usdToNanos } from './money.js';

describe('usdToNanos', () => {
  it('is exact for numbers and strings, including exponent notation', () => {
    expect(usdToNanos(3e-7)).toBe(300n);
    expect(usdToNanos('3e-7')).toBe(300n);
    expect(usdToNanos(0.1)).toBe(100_000_000n);
    expect(usdToNanos(12345.678901234)).toBe(12_345_678_901_234n);
    expect(usdToNanos(0)).toBe(0n);
  });
  it('rounds half away from zero at the nano', () => {
    expect(usdToNanos('0.0000000005')).toBe(1n);
    expect(usdToNanos('0.0000000004')).toBe(0n);
    expect(usdToNanos('-0.0000000005')).toBe(-1n);
  });
  it('does not drift where floats do', () => {
    const floatSum = Array.from({ length: 10 }, () => 0.1).reduce((a, b) => a + b, 0);
    expect(floatSum).not.toBe(1);
    expect(sumNanos(Array.from({ length: 10 }, () => usdToNanos(0.1)))).toBe(1_000_000_000n);
  });
});

describe('nanosToUsd', () => {
  it('rounds to 6 decimals', () => {
    expect(nanosToUsd(1_234_567_890n)).toBe(1.234568);
    expect(nanosToUsd(1_234_567_490n)).toBe(1.234567);
    expect(nanosToUsd(500n)).toBe(0.000001);
    expect(nanosToUsd(499n)).toBe(0);
    expect(nanosToUsd(-1_500n)).toBe(-0.000002);
    expect(nanosToUsd(0n)).toBe(0);
  });
  it('handles sums past $10,000 without losing cents', () => {
    expect(nanosToUsd(12_345_678_123_456_789n)).toBe(12_345_678.123457);
  });
});

describe('sumNanos', () => {
  it('sums any iterable, empty is 0', () => {
    expect(sumNanos([])).toBe(0n);
    expect(sumNanos(new Set([1n, 2n, 3n]))).toBe(6n);
  });
});
