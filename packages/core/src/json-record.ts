/** A plain JSON object (not an array, not null): the first narrowing of every parsed document. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
