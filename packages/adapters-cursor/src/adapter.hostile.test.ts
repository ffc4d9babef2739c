import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cursorBubble,
  cursorComposerV10,
  cursorLinuxUserDir,
  rawValue,
  writeCursorGlobalDb,
} from '@rimuru/test-utils/cursor';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { deeplyNested, insaneEvents, invalidUtf8, mutatedRecord, readWhole } from '@rimuru/test-utils/hostile';
import { cursorAdapter } from './adapter.js';

/** Cursor keeps JSON values in SQLite key-value tables: hostile bytes as the file, and as the values. */
describe('cursor adapter on hostile input', () => {
  let home: TempHome;
  const user = () => cursorLinuxUserDir(home.dir);
  const dbPath = () => join(user(), 'globalStorage', 'state.vscdb');
  const read = () =>
    readWhole(cursorAdapter, { path: dbPath(), mode: 'snapshot' }, testAdapterContext({ homeDir: home.dir }));
  const reset = async () => {
    await rm(join(user(), 'globalStorage'), { recursive: true, force: true });
    await mkdir(join(user(), 'globalStorage'), { recursive: true });
  };

  const composer = cursorComposerV10({
    composerId: 'c1',
    name: 'x',
    createdAt: 1_767_225_600_000,
    lastUpdatedAt: 1_767_225_660_000,
    modelName: 'default',
    headers: [
      { bubbleId: 'b1', type: 1 },
      { bubbleId: 'b2', type: 2 },
    ],
  });
  const bubble = cursorBubble({
    bubbleId: 'b2',
    createdAt: '2026-01-01T00:00:30.000Z',
    tokenCount: { inputTokens: 100, outputTokens: 20 },
    modelName: 'gpt-5',
  });

  beforeAll(async () => {
    home = await createTempHome('rimuru-cursor-hostile-');
  });
  afterAll(() => home.cleanup());

  it('the unmutated template is read as one billed request (so the mutations exercise real parsing)', async () => {
    await reset();
    writeCursorGlobalDb(user(), [
      { key: 'composerData:c1', value: composer },
      { key: 'bubbleId:c1:b2', value: bubble },
    ]);
    const out = await read();
    expect(out.usage).toBe(1);
    expect(out.diagnostics).toBe(0);
  });

  it('arbitrary bytes or invalid UTF-8 as the database file: no throw, sane events', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 8192 }), invalidUtf8()), async (bytes) => {
        await reset();
        await writeFile(dbPath(), bytes);
        expect(insaneEvents((await read()).events)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('a composer and a bubble with any one field hostile, or raw garbage values: sane totals, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedRecord(composer), mutatedRecord(bubble), invalidUtf8(), async (c, b, garbage) => {
        await reset();
        writeCursorGlobalDb(user(), [
          { key: 'composerData:c1', value: c },
          { key: 'bubbleId:c1:b2', value: b },
          { key: 'bubbleId:c1:b1', value: rawValue(garbage), storage: 'blob' },
          { key: 'composerData:c2', value: rawValue(deeplyNested(50_000, 'object')) },
        ]);
        expect(insaneEvents((await read()).events)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
