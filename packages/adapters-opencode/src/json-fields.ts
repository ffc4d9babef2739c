import { isRecord } from '@rimuru/adapter-kit';

/** A JSON object (not an array), or null: the shape checks every OpenCode record needs. */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | null {
  return isRecord(value) ? value : null;
}

/** A finite, non-negative count (tokens); anything else (missing, negative, NaN, text) is 0. */
export function asCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.trunc(value) : 0;
}

/** A finite number, or null (a field that is absent or of another type). */
export function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
