import type { TokenCounts, UsageEvent } from '@rimuru/core';

/**
 * Usage events in columns for the trip from a read worker to the main thread (a
 * `postMessage`, so structured clone): the strings a batch repeats (session ids, models) once,
 * the other strings in one array each, every number in one Float64Array. Cloning that costs a
 * fraction of cloning one object per event (measured about a tenth, each side), and the main
 * thread, which also writes the store, is the busy one.
 *
 * Exact by construction: a Float64Array holds any number as it is (negative zero included),
 * strings and nulls clone as they are, and only events of exactly the shape below (same keys,
 * same order, same types) are encoded; for anything else the encoder answers null and the
 * caller sends the objects as they are.
 */
export interface UsageColumns {
  count: number;
  sessions: string[];
  models: string[];
  dedupeKeys: string[];
  replayKeys: (string | null)[];
  occurredAt: string[];
  /** NUMBERS_PER_EVENT numbers per event; see encodeUsageBatch. */
  numbers: Float64Array;
}

const USAGE_KEYS = [
  'type',
  'sessionExternalId',
  'dedupeKey',
  'rank',
  'replayKey',
  'isReplayCopy',
  'occurredAt',
  'model',
  'tokens',
  'recordedCostUsd',
  'speed',
  'line',
] as const satisfies readonly (keyof UsageEvent)[];

/** Optional nullable numbers an event may add after `line`, in this order (any of them left out). */
const OPTIONAL_KEYS = ['requestCount', 'premiumRequests', 'nanoAiu'] as const satisfies readonly (keyof UsageEvent)[];

const TOKEN_KEYS = [
  'input',
  'output',
  'cacheRead',
  'cacheWrite5m',
  'cacheWrite1h',
  'reasoning',
] as const satisfies readonly (keyof TokenCounts)[];

const SPEEDS = [null, 'standard', 'fast'] as const;

/** Stands for "no model": model numbers are indexes into `models`. */
const NONE = -1;

/** Two numbers per optional key: how it was given (absent, null or a number), then the number. */
const NUMBERS_PER_EVENT = 15 + 2 * OPTIONAL_KEYS.length;
const ABSENT = 0;
const NULL = 1;
const NUMBER = 2;

/** True when `value`'s own keys are exactly `keys`, in that order, then (for events) some of OPTIONAL_KEYS in theirs. */
function sameKeys(value: object, keys: readonly string[], optional: readonly string[] = []): boolean {
  let i = 0;
  let next = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    if (i < keys.length) {
      if (key !== keys[i]) return false;
      i += 1;
      continue;
    }
    while (next < optional.length && optional[next] !== key) next += 1;
    if (next === optional.length) return false;
    next += 1;
  }
  return i === keys.length;
}

/** A plain object (as structured clone makes every object): no prototype keys to inherit. */
function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isNullableNumber = (value: unknown): value is number | null => value === null || typeof value === 'number';

function fitsShape(event: UsageEvent): boolean {
  const tokens: unknown = event.tokens;
  return (
    isPlain(event) &&
    sameKeys(event, USAGE_KEYS, OPTIONAL_KEYS) &&
    OPTIONAL_KEYS.every((key) => !Object.hasOwn(event, key) || isNullableNumber(event[key])) &&
    event.type === 'usage' &&
    typeof event.sessionExternalId === 'string' &&
    typeof event.dedupeKey === 'string' &&
    typeof event.rank === 'number' &&
    isNullableString(event.replayKey) &&
    typeof event.isReplayCopy === 'boolean' &&
    typeof event.occurredAt === 'string' &&
    isNullableString(event.model) &&
    typeof tokens === 'object' &&
    tokens !== null &&
    isPlain(tokens) &&
    sameKeys(tokens, TOKEN_KEYS) &&
    TOKEN_KEYS.every((key) => typeof event.tokens[key] === 'number') &&
    isNullableNumber(event.recordedCostUsd) &&
    SPEEDS.includes(event.speed) &&
    isNullableNumber(event.line)
  );
}

/** Index of `value` in `list`, appended when new; `index` remembers positions so the lookup stays O(1). */
function intern(value: string, list: string[], index: Map<string, number>): number {
  let at = index.get(value);
  if (at === undefined) {
    at = list.length;
    list.push(value);
    index.set(value, at);
  }
  return at;
}

/** The events in columns, or null when any of them is not of the exact known shape. */
export function encodeUsageBatch(events: readonly UsageEvent[]): UsageColumns | null {
  const count = events.length;
  const columns: UsageColumns = {
    count,
    sessions: [],
    models: [],
    dedupeKeys: new Array<string>(count),
    replayKeys: new Array<string | null>(count),
    occurredAt: new Array<string>(count),
    numbers: new Float64Array(count * NUMBERS_PER_EVENT),
  };
  const sessionIndex = new Map<string, number>();
  const modelIndex = new Map<string, number>();
  const n = columns.numbers;
  for (let i = 0; i < count; i += 1) {
    const event = events[i]!;
    if (!fitsShape(event)) return null;
    columns.dedupeKeys[i] = event.dedupeKey;
    columns.replayKeys[i] = event.replayKey;
    columns.occurredAt[i] = event.occurredAt;
    const t = event.tokens;
    const at = i * NUMBERS_PER_EVENT;
    n[at] = intern(event.sessionExternalId, columns.sessions, sessionIndex);
    n[at + 1] = event.model === null ? NONE : intern(event.model, columns.models, modelIndex);
    n[at + 2] = event.rank;
    n[at + 3] = event.isReplayCopy ? 1 : 0;
    n[at + 4] = t.input;
    n[at + 5] = t.output;
    n[at + 6] = t.cacheRead;
    n[at + 7] = t.cacheWrite5m;
    n[at + 8] = t.cacheWrite1h;
    n[at + 9] = t.reasoning;
    // Nullable numbers: a presence flag beside the value, since any number is a valid value.
    n[at + 10] = event.recordedCostUsd === null ? 0 : 1;
    n[at + 11] = event.recordedCostUsd ?? 0;
    n[at + 12] = SPEEDS.indexOf(event.speed);
    n[at + 13] = event.line === null ? 0 : 1;
    n[at + 14] = event.line ?? 0;
    OPTIONAL_KEYS.forEach((key, k) => {
      const value = event[key];
      n[at + 15 + 2 * k] = !Object.hasOwn(event, key) ? ABSENT : value === null ? NULL : NUMBER;
      n[at + 16 + 2 * k] = value ?? 0;
    });
  }
  return columns;
}

/** The events `encodeUsageBatch` encoded, equal to the originals key for key. */
export function decodeUsageBatch(columns: UsageColumns): UsageEvent[] {
  const { count, sessions, models, dedupeKeys, replayKeys, occurredAt, numbers: n } = columns;
  const events = new Array<UsageEvent>(count);
  for (let i = 0; i < count; i += 1) {
    const at = i * NUMBERS_PER_EVENT;
    const model = n[at + 1]!;
    const event: UsageEvent = {
      type: 'usage',
      sessionExternalId: sessions[n[at]!]!,
      dedupeKey: dedupeKeys[i]!,
      rank: n[at + 2]!,
      replayKey: replayKeys[i]!,
      isReplayCopy: n[at + 3] === 1,
      occurredAt: occurredAt[i]!,
      model: model === NONE ? null : models[model]!,
      tokens: {
        input: n[at + 4]!,
        output: n[at + 5]!,
        cacheRead: n[at + 6]!,
        cacheWrite5m: n[at + 7]!,
        cacheWrite1h: n[at + 8]!,
        reasoning: n[at + 9]!,
      },
      recordedCostUsd: n[at + 10] === 0 ? null : n[at + 11]!,
      speed: SPEEDS[n[at + 12]!] ?? null,
      line: n[at + 13] === 0 ? null : n[at + 14]!,
    };
    OPTIONAL_KEYS.forEach((key, k) => {
      const given = n[at + 15 + 2 * k];
      if (given !== ABSENT) event[key] = given === NULL ? null : n[at + 16 + 2 * k]!;
    });
    events[i] = event;
  }
  return events;
}
