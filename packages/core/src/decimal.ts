/**
 * Exact decimal → scaled integer conversion. Money and prices arrive as JS numbers or decimal
 * strings (LiteLLM writes `3e-07`); going through the decimal text instead of multiplying
 * floats keeps `3e-7 $` exactly 300 000 pico-dollars.
 */

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** n / d rounded half away from zero (d > 0). */
export function divRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive');
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = abs / d;
  const r = abs % d;
  const rounded = r * 2n >= d ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/**
 * `value × 10^scale` as a bigint, rounded half away from zero at the last unit.
 * Accepts finite numbers and decimal strings (with optional exponent); throws RangeError otherwise.
 */
export function decimalToScaledBigInt(value: number | string, scale: number): bigint {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  // String(number) is the shortest text that round-trips, so it is the decimal the author wrote.
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL_RE.exec(text);
  const intPart = match?.[2] ?? '';
  const fracPart = match?.[3] ?? '';
  if (!match || (intPart === '' && fracPart === '')) {
    throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  }
  const negative = match[1] === '-';
  const exponent = Number(match[4] ?? '0');
  const digits = BigInt(`${intPart}${fracPart}` || '0');
  // value = digits × 10^(exponent − fracPart.length); we want value × 10^scale.
  const shift = exponent - fracPart.length + scale;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift);
  } else {
    scaled = divRoundHalfAwayFromZero(digits, 10n ** BigInt(-shift));
  }
  return negative ? -scaled : scaled;
}

/** The exact decimal text of `scaled / 10^scale`, without trailing zeros ("0.000003", "12", "-1.5"). */
export function scaledBigIntToDecimalString(scaled: bigint, scale: number): string {
  const negative = scaled < 0n;
  const abs = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const intPart = abs.slice(0, abs.length - scale);
  const fracPart = abs.slice(abs.length - scale).replace(/0+$/, '');
  const body = fracPart === '' ? intPart : `${intPart}.${fracPart}`;
  return negative && body !== '0' ? `-${body}` : body;
}
