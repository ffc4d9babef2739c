/** Narrowing helpers for untyped JSON values. */

// Adapters narrow parsed JSON with core's rule, offered here beside the other field helpers.
export { isRecord } from '@rimuru/core';

/** A string with something besides white space, trimmed; null for anything else. */
export function trimmedString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A string with something besides white space, as written (not trimmed); null for anything else. */
export function nonBlankString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
