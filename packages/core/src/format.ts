import { InternalError } from './errors.js';
/**
 * Human formatting of durations, token counts, dollars and ids for tables and the TUI.
 * Locale is fixed to en-US so output is the same on every machine (and in snapshot tests).
 */
import { decimalToScaledBigInt } from './decimal.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** '0s', '45s', '15m 32s', '2h 05m', '3d 4h'. Negative or non-finite input shows as '0s'. */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms) : 0;
  if (total < MINUTE) return `${Math.floor(total / SECOND)}s`;
  if (total < HOUR) return `${Math.floor(total / MINUTE)}m ${pad2(Math.floor((total % MINUTE) / SECOND))}s`;
  if (total < DAY) return `${Math.floor(total / HOUR)}h ${pad2(Math.floor((total % HOUR) / MINUTE))}m`;
  return `${Math.floor(total / DAY)}d ${Math.floor((total % DAY) / HOUR)}h`;
}

const TOKEN_UNITS = [
  { suffix: 'K', size: 1e3 },
  { suffix: 'M', size: 1e6 },
  { suffix: 'B', size: 1e9 },
] as const;

/** '—' (unknown), '999', '12.5K', '12K', '1.2M', '3.4B': one decimal, a trailing '.0' dropped. */
export function formatTokens(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '—';
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  if (Math.round(abs) < 1000) return `${sign}${Math.round(abs)}`;
  for (let i = 0; i < TOKEN_UNITS.length; i++) {
    const unit = TOKEN_UNITS[i]!;
    const scaled = Math.round((abs / unit.size) * 10) / 10;
    // 999 950 rounds to 1000.0K: promote it to 1M instead.
    if (scaled < 1000 || i === TOKEN_UNITS.length - 1) {
      return `${sign}${scaled.toFixed(1).replace(/\.0$/, '')}${unit.suffix}`;
    }
  }
  /* c8 ignore next */
  throw new InternalError('formatTokens: no unit fits');
}

/**
 * Integers with thousands separators: '1,234,567' (en-US grouping). Not Intl.NumberFormat: the
 * first Intl object of a process loads ICU's locale data (10–30 ms), a large share of a short
 * command such as the statusline, which prints dollars on every run.
 */
function groupedInteger(n: number | bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+$)/g, ',');
}

/** '1,234,567' (detail views); '—' when unknown. */
export function formatTokensExact(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '—';
  return groupedInteger(Math.round(n));
}

/** |usd| with `decimals` digits, rounded half away from zero on the decimal text ($0.02345 → 0.0235). */
function fixedDecimal(absUsd: number, decimals: number): { int: bigint; frac: string } {
  const scaled = decimalToScaledBigInt(absUsd, decimals);
  const unit = 10n ** BigInt(decimals);
  return { int: scaled / unit, frac: (scaled % unit).toString().padStart(decimals, '0') };
}

/**
 * '$0.00' for zero, 4 decimals below $1 ('$0.0234', so cheap sessions do not all read $0.00),
 * 2 decimals with thousands separators from $1 on ('$1,234.56').
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd) || usd === 0) return '$0.00';
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  const small = fixedDecimal(abs, 4);
  if (small.int === 0n) return `${sign}$0.${small.frac}`;
  const { int, frac } = fixedDecimal(abs, 2);
  return `${sign}$${groupedInteger(int)}.${frac}`;
}

/** The first 8 characters and an ellipsis ('3f2a9c1e…'); ids of 8 characters or fewer unchanged. */
export function shortId(id: string): string {
  return id.length <= 8 ? id : `${id.slice(0, 8)}…`;
}
