import { readFileSync } from 'node:fs';
import { genMetadataBlob } from '@rimuru/test-utils/antigravity';
import { itRealSamples, samplePath } from '@rimuru/test-utils/real-samples';
import { describe, expect, it } from 'vitest';
import { decodeGeneration } from './gen-metadata.js';
import { parseProtoFields } from './proto-fields.js';

const hexDumpSample = 'antigravity/getagentseal__codeburn/tests/fixtures/antigravity-cli-current/gen-metadata.json';
const hexDump = samplePath(hexDumpSample);

describe('gen_metadata decoding', () => {
  it('reads usage, model, response id and start time of a row', () => {
    const g = decodeGeneration(
      genMetadataBlob({
        input: 500,
        output: 90,
        thinking: 30,
        cacheRead: 7000,
        responseId: 'r-1',
        model: 'gemini-3-flash',
        createdAtSeconds: 1_782_000_000,
      }),
    );
    expect(g).toEqual({
      tokens: { input: 500, output: 90, cacheRead: 7000, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 30 },
      model: 'gemini-3-flash',
      responseId: 'r-1',
      createdAtMs: 1_782_000_000_000,
    });
  });

  it('falls back to the model_enum attribute, and tells malformed bytes from rows without usage', () => {
    const g = decodeGeneration(genMetadataBlob({ input: 1, output: 1, thinking: 0 }));
    expect(g).toMatchObject({ model: 'MODEL_PLACEHOLDER_M16', responseId: null, createdAtMs: null });
    expect(decodeGeneration(Uint8Array.from([0x0a, 0x05, 0x01]))).toBe('malformed');
    expect(decodeGeneration(Uint8Array.from([0x08, 0x01]))).toBe('no-usage');
    expect(parseProtoFields(Uint8Array.from([0x0b]))).toBeNull();
  });

  // codeburn's hex dump of a real-shaped row (a description, not an on-disk file).
  itRealSamples('decodes codeburn’s gen-metadata hex dump', [hexDumpSample], () => {
    const dump = JSON.parse(readFileSync(hexDump, 'utf8')) as { rows: { hex: string }[] };
    const row = dump.rows[0];
    if (row === undefined) throw new Error('no row');
    const g = decodeGeneration(Uint8Array.from(Buffer.from(row.hex, 'hex')));
    // ModelUsageStats: input #2 = 30265, output #3 = 730 (= response #9 659 + thinking #10 71).
    expect(g).toEqual({
      tokens: { input: 30265, output: 730, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 71 },
      model: 'gemini-pro-default',
      responseId: 'fixture-response-1',
      createdAtMs: null,
    });
  });
});
