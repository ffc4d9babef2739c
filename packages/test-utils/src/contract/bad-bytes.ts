import fc from 'fast-check';

/** One way an agent file goes bad: a crash mid-write, a disk error, a hand edit, another program's file. */
export type BadBytes =
  | { kind: 'append'; bytes: Uint8Array }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'truncate'; at: number }
  | { kind: 'replace'; bytes: Uint8Array }
  | { kind: 'garbage-line'; at: number; bytes: Uint8Array };

const bytes = fc.uint8Array({ minLength: 1, maxLength: 512 });
/** Bytes that look like agent data gone wrong: JSON-ish text, stray newlines, invalid UTF-8. */
const jsonish = fc
  .array(
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      ':',
      ',',
      'null',
      '1e999',
      '-0',
      '"timestamp"',
      '"type"',
      '\n',
      '\r\n',
      '\u00e9',
      '\ud83d',
      'x',
    ),
    {
      minLength: 1,
      maxLength: 40,
    },
  )
  .map((parts) => Buffer.from(parts.join(''), 'utf8') as Uint8Array);
const anyBytes = fc.oneof(bytes, jsonish, fc.constant(Uint8Array.of(0xff, 0xfe, 0x0a)));

export const badBytesArbitrary: fc.Arbitrary<BadBytes> = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), bytes: anyBytes }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: anyBytes }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), bytes: anyBytes }),
  fc.record({ kind: fc.constant('garbage-line' as const), at: fc.nat(), bytes: anyBytes }),
);

/** The file content after the damage; positions are taken modulo the original length. */
export function applyBadBytes(original: Buffer, bad: BadBytes): Buffer {
  const at = (n: number) => (original.length === 0 ? 0 : n % (original.length + 1));
  switch (bad.kind) {
    case 'append':
      return Buffer.concat([original, bad.bytes]);
    case 'overwrite': {
      const out = Buffer.from(original);
      Buffer.from(bad.bytes).copy(out, Math.min(at(bad.at), Math.max(0, out.length - 1)));
      return out.length === 0 ? Buffer.from(bad.bytes) : out;
    }
    case 'truncate':
      return original.subarray(0, at(bad.at));
    case 'replace':
      return Buffer.from(bad.bytes);
    case 'garbage-line': {
      // At the start of the line that holds `at`: a whole bad line between good ones.
      const lineStart = original.lastIndexOf(0x0a, Math.max(0, at(bad.at) - 1)) + 1;
      return Buffer.concat([
        original.subarray(0, lineStart),
        bad.bytes,
        Buffer.from('\n'),
        original.subarray(lineStart),
      ]);
    }
  }
}
