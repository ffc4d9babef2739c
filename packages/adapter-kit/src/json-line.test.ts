import { describe, expect, it } from 'vitest';
import { isBlankLine, parseJsonLine } from './json-line.js';

describe('parseJsonLine', () => {
  it('parses a JSON value', () => {
    expect(parseJsonLine(Buffer.from('{"a":[1,2]}'))).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('reports invalid UTF-8 without echoing the bytes', () => {
    const parsed = parseJsonLine(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(parsed).toEqual({ ok: false, code: 'invalid-utf8', message: 'line of 4 bytes is not valid UTF-8' });
  });

  it('reports text that is not JSON', () => {
    expect(parseJsonLine(Buffer.from('{"secret": prompt'))).toMatchObject({ ok: false, code: 'invalid-json' });
  });
});

describe('isBlankLine', () => {
  it('is true only for spaces, tabs and carriage returns', () => {
    expect(isBlankLine(Buffer.from(' \t\r'))).toBe(true);
    expect(isBlankLine(Buffer.alloc(0))).toBe(true);
    expect(isBlankLine(Buffer.from(' x '))).toBe(false);
  });
});
