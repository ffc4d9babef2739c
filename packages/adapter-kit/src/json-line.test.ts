import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankLine, parseJsonLine, strictUtf8Decoder, type JsonLineParse } from './json-line.js';

/** The reference: a fatal TextDecoder, then JSON.parse (what parseJsonLine must stay equal to). */
function reference(bytes: Uint8Array): JsonLineParse {
  let text: string;
  try {
    text = strictUtf8Decoder().decode(bytes);
  } catch {
    return { ok: false, code: 'invalid-utf8', message: `line of ${bytes.length} bytes is not valid UTF-8` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, code: 'invalid-json', message: `line of ${bytes.length} bytes is not valid JSON` };
  }
}

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

describe('parseJsonLine against a fatal TextDecoder', () => {
  const wrap = (inner: number[]) => new Uint8Array([...Buffer.from('{"a":"'), ...inner, ...Buffer.from('"}')]);
  it.each([
    ['plain ASCII', [0x61]],
    ['2-, 3- and 4-byte characters', [...Buffer.from('é€😀')]],
    ['an overlong encoding', [0xc0, 0x80]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['a stray continuation byte', [0x80]],
    ['a byte order mark inside the text', [0xef, 0xbb, 0xbf]],
  ])('decides %s the same way', (_name, inner) => {
    const bytes = wrap(inner);
    expect(parseJsonLine(bytes)).toEqual(reference(bytes));
  });

  it('drops one leading byte order mark, as the decoder does, and rejects a second', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const once = new Uint8Array([...bom, ...Buffer.from('{"a":1}')]);
    const twice = new Uint8Array([...bom, ...bom, ...Buffer.from('{"a":1}')]);
    expect(parseJsonLine(once)).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonLine(once)).toEqual(reference(once));
    expect(parseJsonLine(twice)).toMatchObject({ ok: false, code: 'invalid-json' });
    expect(parseJsonLine(twice)).toEqual(reference(twice));
  });

  it('agrees on arbitrary bytes, inside a JSON string or bare', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), fc.boolean(), (inner, wrapped) => {
        const bytes = wrapped ? wrap([...inner]) : inner;
        expect(parseJsonLine(bytes)).toEqual(reference(bytes));
        expect(parseJsonLine(Buffer.from(bytes))).toEqual(reference(bytes));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isBlankLine', () => {
  it('is true only for spaces, tabs and carriage returns', () => {
    expect(isBlankLine(Buffer.from(' \t\r'))).toBe(true);
    expect(isBlankLine(Buffer.alloc(0))).toBe(true);
    expect(isBlankLine(Buffer.from(' x '))).toBe(false);
  });
});
