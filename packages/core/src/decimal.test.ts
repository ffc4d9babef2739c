import { describe, expect, it } from 'vitest';
import { decimalToScaledBigInt, divRoundHalfAwayFromZero, scaledBigIntToDecimalString } from './decimal.js';

describe('divRoundHalfAwayFromZero', () => {
  it('rounds halves away from zero', () => {
    expect(divRoundHalfAwayFromZero(15n, 10n)).toBe(2n);
    expect(divRoundHalfAwayFromZero(14n, 10n)).toBe(1n);
    expect(divRoundHalfAwayFromZero(-15n, 10n)).toBe(-2n);
    expect(divRoundHalfAwayFromZero(-14n, 10n)).toBe(-1n);
    expect(divRoundHalfAwayFromZero(0n, 7n)).toBe(0n);
  });
  it('rejects a non-positive divisor', () => {
    expect(() => divRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});

describe('decimalToScaledBigInt', () => {
  it('reads numbers through their decimal text, not float multiplication', () => {
    // 3e-7 * 1e12 is 300000.00000000006 in floats
    expect(decimalToScaledBigInt(3e-7, 12)).toBe(300_000n);
    expect(decimalToScaledBigInt(0.1 + 0.2, 9)).toBe(300_000_000n);
    expect(decimalToScaledBigInt(1.5e-5, 12)).toBe(15_000_000n);
    expect(decimalToScaledBigInt(12, 3)).toBe(12_000n);
  });
  it('accepts decimal strings with exponents, signs and bare fractions', () => {
    expect(decimalToScaledBigInt('3E-07', 12)).toBe(300_000n);
    expect(decimalToScaledBigInt('  -1.25 ', 2)).toBe(-125n);
    expect(decimalToScaledBigInt('.5', 1)).toBe(5n);
    expect(decimalToScaledBigInt('5.', 1)).toBe(50n);
    expect(decimalToScaledBigInt('1e3', 0)).toBe(1000n);
    expect(decimalToScaledBigInt('+2', 0)).toBe(2n);
  });
  it('rounds half away from zero below the last unit', () => {
    expect(decimalToScaledBigInt('0.0000000015', 9)).toBe(2n);
    expect(decimalToScaledBigInt('0.0000000014999', 9)).toBe(1n);
    expect(decimalToScaledBigInt('-0.0000000015', 9)).toBe(-2n);
    expect(decimalToScaledBigInt(5e-10, 9)).toBe(1n);
  });
  it('rejects what is not a finite decimal', () => {
    for (const bad of [Number.NaN, Infinity, '', '.', 'abc', '1.2.3', '1e', '0x10']) {
      expect(() => decimalToScaledBigInt(bad, 9)).toThrow(RangeError);
    }
  });
});

describe('scaledBigIntToDecimalString', () => {
  it('prints the exact decimal without trailing zeros', () => {
    expect(scaledBigIntToDecimalString(3_000_000n, 12)).toBe('0.000003');
    expect(scaledBigIntToDecimalString(12_000n, 3)).toBe('12');
    expect(scaledBigIntToDecimalString(-1_500n, 3)).toBe('-1.5');
    expect(scaledBigIntToDecimalString(0n, 12)).toBe('0');
  });
  it('round-trips with decimalToScaledBigInt', () => {
    for (const s of ['0.000003', '1.25', '-7.000001', '123456789.123456789']) {
      expect(scaledBigIntToDecimalString(decimalToScaledBigInt(s, 12), 12)).toBe(s);
    }
  });
});
