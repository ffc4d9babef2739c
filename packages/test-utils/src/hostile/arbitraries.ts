import fc from 'fast-check';

/** Values a careless or hostile writer may put where a count belongs. */
function hostileNumberish(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer({ min: -1_000_000_000, max: -1 }),
    fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, 1e300, -1e300, 2 ** 64, 0.5, -0.0, 1e-300),
    fc.double({ noNaN: false }),
    fc.integer().map(String),
    fc.constantFrom('NaN', 'Infinity', '-1', '1e999', '0x10', '', ' 12 ', '١٢'),
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
  );
}

/** Timestamps outside what Date can hold, malformed, or of the wrong type. */
function hostileTimestamp(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(
      '+275760-09-13T00:00:00.001Z',
      '-271821-04-20T00:00:00.000Z',
      '0000-00-00T00:00:00Z',
      '9999-99-99',
      '2026-13-45T25:61:61Z',
      '1970-01-01T00:00:00Z',
      'yesterday',
      '',
    ),
    fc.double({ noNaN: false }),
    fc.integer({ min: -8_640_000_000_000_001, max: 8_640_000_000_000_001 }),
    fc.string({ maxLength: 30 }),
    fc.constant(null),
  );
}

function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(hostileNumberish(), hostileTimestamp(), fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 3 }));
}

/** Bytes that are not UTF-8: lone continuation bytes, overlongs, surrogates, 0xFF. */
export function invalidUtf8(): fc.Arbitrary<Uint8Array> {
  const bad = fc.constantFrom(
    [0xff],
    [0xc0, 0xaf],
    [0xed, 0xa0, 0x80],
    [0x80],
    [0xf8, 0x88, 0x80, 0x80, 0x80],
    [0xe2, 0x82],
  );
  return fc
    .array(
      fc.oneof(
        bad,
        fc.uint8Array({ maxLength: 16 }).map((a) => [...a]),
      ),
      { minLength: 1, maxLength: 12 },
    )
    .map((parts) => Uint8Array.from(parts.flat()));
}

/** JSON nested `depth` levels deep (arrays or objects), as text. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a leaf (or a whole sub-object) of a JSON value. */
function jsonPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...jsonPaths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) paths.push(...jsonPaths(v, [...prefix, k]));
  }
  return paths;
}

/** A copy of `value` with the thing at `path` replaced (structuredClone keeps the template intact). */
function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Json;
  if (path.length === 0) return replacement;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

/** A template record with one field (any depth) replaced by a hostile value. */
export function mutatedRecord(template: unknown): fc.Arbitrary<unknown> {
  const paths = jsonPaths(template);
  return fc.tuple(fc.constantFrom(...paths), hostileValue()).map(([path, v]) => replaceAt(template, path, v));
}
