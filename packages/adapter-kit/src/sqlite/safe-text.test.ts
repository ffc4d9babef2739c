import { describe, expect, it } from 'vitest';
import { decodeCell, decodeText, quoteIdentifier, safeColumn, safeExpr } from './safe-text.js';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('decodeText', () => {
  it('decodes UTF-8 bytes exactly, a leading BOM kept as a TEXT read would keep it', () => {
    expect(decodeText(Buffer.from('ünï 😀'))).toBe('ünï 😀');
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('\uFEFFa');
    expect(decodeText(bytes())).toBe('');
  });

  it('gives null for bytes that are not UTF-8 (bad byte, overlong, lone surrogate, cut sequence)', () => {
    expect(decodeText(bytes(0x66, 0xff, 0x6f))).toBeNull();
    expect(decodeText(bytes(0xc0, 0xaf))).toBeNull();
    expect(decodeText(bytes(0xed, 0xa0, 0x80))).toBeNull();
    expect(decodeText(bytes(0xe2, 0x82))).toBeNull();
  });

  it('passes strings through and gives null for what is no text', () => {
    expect(decodeText('s')).toBe('s');
    for (const value of [null, undefined, 1, 1n, {}, [0x61]]) expect(decodeText(value)).toBeNull();
  });
});

describe('decodeCell', () => {
  it('keeps numbers, decodes text, nulls the rest', () => {
    expect([1.5, 2n, Buffer.from('x'), bytes(0xff), null].map(decodeCell)).toEqual([1.5, 2n, 'x', null, null]);
  });
});

describe('SQL fragments', () => {
  it('quotes identifiers, doubling inner quotes', () => {
    expect(quoteIdentifier('a"b c')).toBe('"a""b c"');
  });

  it('keeps numbers and casts everything else to BLOB', () => {
    expect(safeExpr('x.y')).toBe("CASE WHEN typeof(x.y) IN ('integer', 'real') THEN x.y ELSE CAST(x.y AS BLOB) END");
    expect(safeColumn('a"b')).toBe(safeExpr('"a""b"'));
  });
});
