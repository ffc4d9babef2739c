import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codexSessionMetaLine, codexSessionPath, codexTokenCountLine } from '@rimuru/test-utils/codex';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { deeplyNested, insaneEvents, invalidUtf8, mutatedRecord, readWhole } from '@rimuru/test-utils/hostile';
import { codexAdapter } from './adapter.js';

const START = '2026-01-01T00:00:00.000Z';

/** Property tests: whatever bytes sit in a rollout, reading never throws and never yields nonsense. */
describe('codex adapter on hostile bytes', () => {
  let home: TempHome;
  let n = 0;
  const read = async (content: string | Uint8Array) => {
    n += 1;
    const id = `0199a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const path = join(home.dir, '.codex', codexSessionPath(START, id));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return readWhole(codexAdapter, { path, mode: 'append' }, testAdapterContext({ homeDir: home.dir }));
  };
  const meta = codexSessionMetaLine({ timestamp: START, id: '0199a000-0000-7000-8000-aaaaaaaaaaaa', cwd: '/w' });
  const tokenCount = JSON.parse(
    codexTokenCountLine({
      timestamp: '2026-01-01T00:00:05.000Z',
      total: { input: 100, cached: 40, output: 30, reasoning: 10 },
      last: { input: 100, cached: 40, output: 30, reasoning: 10 },
      model: 'gpt-5',
    }),
  ) as unknown;

  beforeAll(async () => {
    home = await createTempHome('rimuru-codex-hostile-');
  });
  afterAll(() => home.cleanup());

  it('the unmutated template is read as one billed request (so the mutations exercise real parsing)', async () => {
    const out = await read(`${meta}\n${JSON.stringify(tokenCount)}\n`);
    expect(out.usage).toBe(1);
    expect(out.diagnostics).toBe(0);
  });

  it('arbitrary bytes and invalid UTF-8 (after a valid header or instead of it): no throw, sane events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 200 }), invalidUtf8()), { maxLength: 8 }),
        async (withMeta, chunks) => {
          const parts = chunks.flatMap((c) => [Buffer.from(c), Buffer.from('\n')]);
          const out = await read(Buffer.concat(withMeta ? [Buffer.from(`${meta}\n`), ...parts] : parts));
          expect(insaneEvents(out.events)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a token_count event with any one field hostile (strings, negative, huge, bad timestamps): sane totals, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedRecord(tokenCount), mutatedRecord(tokenCount), async (a, b) => {
        const out = await read(`${meta}\n${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
        expect(insaneEvents(out.events)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a 50 MB line and 100k-deep nesting: diagnostics, and the next good line is still read', async () => {
    // One valid 50 MB record (read, ignored as unknown) and one cut short (a diagnostic).
    const huge = `{"type":"event_msg","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const cut = huge.slice(0, -2);
    const out = await read(
      `${meta}\n${huge}\n${cut}\n${deeplyNested(100_000, 'object')}\n${JSON.stringify(tokenCount)}\n`,
    );
    expect(insaneEvents(out.events)).toEqual([]);
    expect(out.diagnostics).toBeGreaterThanOrEqual(1);
    expect(out.usage).toBe(1);
  }, 60_000);
});
