import { UsageError } from '@rimuru/core';
import { distance } from 'fastest-levenshtein';

/**
 * The known values closest to a mistyped one, best first: a small edit away (a typo), or
 * sharing a start or a part with it (`claude` for claude-code). At most `max`.
 */
export function closestValues(input: string, known: readonly string[], max = 3): string[] {
  const needle = input.trim().toLowerCase();
  if (needle === '') return [];
  const threshold = Math.max(2, Math.floor(needle.length / 3));
  const candidates = [...new Set(known)]
    .map((value) => {
      const v = value.toLowerCase();
      const d = distance(needle, v);
      const prefix = needle.length >= 3 && v.startsWith(needle);
      const related = prefix || (needle.length >= 3 && (needle.startsWith(v) || v.includes(needle)));
      return { value, d, prefix, close: d <= threshold || related };
    })
    .filter((c) => c.close)
    .sort((a, b) => a.d - b.d || a.value.localeCompare(b.value));
  // A value the input starts (`claude` of claude-code) beats any typo distance; otherwise one
  // clear winner is not diluted by distant runners-up (Europe/Paris, not Europe/Madrid).
  const prefixed = candidates.filter((c) => c.prefix);
  const best = prefixed.length > 0 ? prefixed : candidates.filter((c, _, all) => c.d <= all[0]!.d + 1);
  return best.slice(0, max).map((c) => c.value);
}

/**
 * "did you mean a or b?" for the closest values, else "known: a, b, c" (at most `listMax`);
 * `listed` narrows what is listed when the closest are searched among more values.
 */
function didYouMean(input: string, known: readonly string[], listed: readonly string[] = known, listMax = 12): string {
  const close = closestValues(input, known);
  if (close.length > 0) return `did you mean ${close.join(' or ')}?`;
  if (listed.length === 0) return 'none is known yet';
  const shown = listed.slice(0, listMax).join(', ');
  return `known: ${shown}${listed.length > listMax ? `, … (${listed.length} in all)` : ''}`;
}

/**
 * The one-line usage error (exit 2) for a value that names nothing known, e.g.
 * `Unknown agent type "claude": did you mean claude-code?`.
 */
export function unknownValueError(
  kind: string,
  input: string,
  known: readonly string[],
  hint?: string,
  listed?: readonly string[],
): UsageError {
  return new UsageError(`Unknown ${kind} "${input}": ${didYouMean(input, known, listed)}${hint ? ` (${hint})` : ''}`);
}
