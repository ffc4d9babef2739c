/**
 * A token count as Amp writes it: absent (undefined) means 0; anything that is not a
 * non-negative safe integer (a string, `1e999`, a negative number) is malformed (null).
 */
export function tokenCount(value: unknown): number | null {
  if (value === undefined || value === null) return 0;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
