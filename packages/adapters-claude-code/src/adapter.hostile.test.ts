import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeAssistantLine } from '@rimuru/test-utils/claude';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { deeplyNested, insaneEvents, invalidUtf8, mutatedRecord, readWhole } from '@rimuru/test-utils/hostile';
import { claudeCodeAdapter } from './adapter.js';

const SID = '0b7c2f3e-1111-4a2b-8c3d-123456789abc';

/** Property tests: whatever bytes sit in a transcript, reading never throws and never yields nonsense. */
describe('claude-code adapter on hostile bytes', () => {
  let home: TempHome;
  let n = 0;
  const file = async (content: string | Uint8Array): Promise<string> => {
    n += 1;
    const dir = join(home.dir, '.claude', 'projects', '-x');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${SID.slice(0, -4)}${String(n).padStart(4, '0')}.jsonl`);
    await writeFile(path, content);
    return path;
  };
  const read = async (content: string | Uint8Array) =>
    readWhole(
      claudeCodeAdapter,
      { path: await file(content), mode: 'append' },
      testAdapterContext({ homeDir: home.dir }),
    );

  const template = JSON.parse(
    claudeAssistantLine({
      sessionId: SID,
      cwd: '/w',
      timestamp: '2026-01-01T00:00:00.000Z',
      model: 'claude-sonnet-4-5',
      messageId: 'msg_1',
      requestId: 'req_1',
      usage: { input: 10, output: 20, cacheRead: 5 },
    }),
  ) as unknown;

  beforeAll(async () => {
    home = await createTempHome('rimuru-claude-hostile-');
  });
  afterAll(() => home.cleanup());

  it('the unmutated template is read as one billed request (so the mutations exercise real parsing)', async () => {
    const out = await read(`${JSON.stringify(template)}\n`);
    expect(out.usage).toBe(1);
    expect(out.diagnostics).toBe(0);
  });

  it('arbitrary bytes and invalid UTF-8: no throw, sane events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 200 }), invalidUtf8()), { maxLength: 8 }),
        async (chunks) => {
          const bytes = Buffer.concat(chunks.flatMap((c) => [Buffer.from(c), Buffer.from('\n')]));
          const out = await read(bytes);
          expect(insaneEvents(out.events)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a valid record with any one field made hostile (numbers as strings, negative or huge counts, bad timestamps): usage is sane or the line is a diagnostic', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedRecord(template), async (record) => {
        const out = await read(`${JSON.stringify(record)}\n`);
        expect(insaneEvents(out.events)).toEqual([]);
        // The record is either counted or counted as rejected; never silently lost.
        expect(out.usage + out.diagnostics + out.events.filter((e) => e.type === 'activity').length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('every line that is not JSON is one diagnostic', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ minLength: 1, maxLength: 50 }).map((s) => `{${s.replace(/[\r\n]/g, '')}`),
          { minLength: 1, maxLength: 10 },
        ),
        async (lines) => {
          const bad = lines.filter((l) => {
            try {
              JSON.parse(l);
              return false;
            } catch {
              return true;
            }
          });
          const out = await read(`${lines.join('\n')}\n`);
          expect(out.diagnostics).toBe(bad.length);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a 50 MB line and 100k-deep nesting: a diagnostic each, and the next good line is still read', async () => {
    const good = JSON.stringify(template);
    const huge = `{"type":"assistant","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const out = await read(`${huge}\n${deeplyNested(100_000, 'array')}\n${deeplyNested(100_000, 'object')}\n${good}\n`);
    expect(insaneEvents(out.events)).toEqual([]);
    expect(out.diagnostics).toBeGreaterThanOrEqual(1);
    expect(out.usage).toBe(1);
  }, 60_000);
});
