/** Shared narrowing helpers for Cursor's JSON values (no schema: Cursor changes it often). */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * A model name as Cursor wrote it, or null for "not said": empty text and `?` (Cursor's
 * placeholder before the server answers). The literal `default` (Cursor's automatic choice) is a
 * name and is kept.
 */
export function modelName(value: unknown): string | null {
  const name = nonEmptyString(value);
  return name === null || name.trim() === '?' ? null : name;
}
