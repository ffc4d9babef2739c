import { describe, expect, it } from 'vitest';
import { isRecord, nonBlankString, trimmedString } from './json-fields.js';

describe('json fields', () => {
  it('takes only plain objects for records', () => {
    expect([{}, { a: 1 }].map(isRecord)).toEqual([true, true]);
    expect([null, undefined, [], 'x', 1, true].map(isRecord)).toEqual([false, false, false, false, false, false]);
  });

  it('trims text, or keeps it as written; blank or non-text is null for both', () => {
    expect(trimmedString('  a b \n')).toBe('a b');
    expect(nonBlankString('  a b \n')).toBe('  a b \n');
    for (const value of ['', ' \t\n', null, undefined, 1, {}, ['a']]) {
      expect(trimmedString(value)).toBeNull();
      expect(nonBlankString(value)).toBeNull();
    }
  });
});
