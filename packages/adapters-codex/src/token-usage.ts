/**
 * Codex's `TokenUsage` (codex-rs/protocol): `input_tokens` includes `cached_input_tokens`,
 * `output_tokens` includes `reasoning_output_tokens`, `total_tokens = input + output`.
 * Kept in Codex's own terms here: the running cumulative total lives in checkpoint state
 * and deltas are taken field by field before converting to Rimuru's classes.
 */
export interface RawUsage {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
  total: number;
}

export type UsageParse = { ok: true; usage: RawUsage } | { ok: false; reason: string };

type Fields = Record<string, unknown>;

const FIELDS = [
  ['input', 'input_tokens'],
  ['cached', 'cached_input_tokens'],
  ['output', 'output_tokens'],
  ['reasoning', 'reasoning_output_tokens'],
] as const;

/**
 * Reads a `TokenUsage` object. Missing counters are 0 (older versions omit reasoning and
 * cached); a missing `total_tokens` is input + output (ccusage's `normalizeRawUsage`).
 * Negative, fractional or non-numeric counters make the whole object invalid: never
 * negative tokens, never a guess.
 */
export function parseRawUsage(value: unknown): UsageParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'token usage is not an object' };
  }
  const fields = value as Fields;
  const usage: RawUsage = { input: 0, cached: 0, output: 0, reasoning: 0, total: 0 };
  for (const [key, name] of FIELDS) {
    const read = counter(fields[name], name);
    if (typeof read === 'string') return { ok: false, reason: read };
    usage[key] = read;
  }
  const total = fields['total_tokens'];
  if (total === undefined || total === null) {
    usage.total = usage.input + usage.output;
  } else {
    const read = counter(total, 'total_tokens');
    if (typeof read === 'string') return { ok: false, reason: read };
    usage.total = read;
  }
  return { ok: true, usage };
}

function counter(value: unknown, name: string): number | string {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    return `${name} is ${JSON.stringify(value)}, not a non-negative integer`;
  }
  return value;
}

export function sameUsage(a: RawUsage, b: RawUsage): boolean {
  return (
    a.input === b.input &&
    a.cached === b.cached &&
    a.output === b.output &&
    a.reasoning === b.reasoning &&
    a.total === b.total
  );
}

/** True when no counter of `next` is below `prev`: the cumulative total only grew. */
export function grewFrom(next: RawUsage, prev: RawUsage): boolean {
  return (
    next.input >= prev.input &&
    next.cached >= prev.cached &&
    next.output >= prev.output &&
    next.reasoning >= prev.reasoning
  );
}

export function subtractUsage(next: RawUsage, prev: RawUsage): RawUsage {
  return {
    input: next.input - prev.input,
    cached: next.cached - prev.cached,
    output: next.output - prev.output,
    reasoning: next.reasoning - prev.reasoning,
    total: Math.max(0, next.total - prev.total),
  };
}

export function addUsage(a: RawUsage, b: RawUsage): RawUsage {
  return {
    input: a.input + b.input,
    cached: a.cached + b.cached,
    output: a.output + b.output,
    reasoning: a.reasoning + b.reasoning,
    total: a.total + b.total,
  };
}

export function isZeroUsage(u: RawUsage): boolean {
  return u.input === 0 && u.cached === 0 && u.output === 0 && u.reasoning === 0;
}

/** Compact, order-fixed form for checkpoint state and dedupe keys. */
export function encodeUsage(u: RawUsage): [number, number, number, number, number] {
  return [u.input, u.cached, u.output, u.reasoning, u.total];
}

export function decodeUsage(value: unknown): RawUsage | null {
  if (!Array.isArray(value) || value.length !== 5) return null;
  if (!value.every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) return null;
  const [input, cached, output, reasoning, total] = value as number[];
  return { input: input!, cached: cached!, output: output!, reasoning: reasoning!, total: total! };
}
