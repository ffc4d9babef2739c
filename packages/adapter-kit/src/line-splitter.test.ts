import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openChunkFile } from './chunk-file.js';
import { splitLines, splitLinesTransient, type SplitItem, type SplitOptions } from './line-splitter.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rimuru-kit-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function split(content: string | Buffer, options: Partial<SplitOptions> = {}): Promise<SplitItem[]> {
  const path = join(dir, 'f.jsonl');
  await writeFile(path, content);
  const file = await openChunkFile(path);
  try {
    const items: SplitItem[] = [];
    for await (const batch of splitLines(file, { start: 0, chunkSize: 4, maxLineBytes: 1024, ...options }))
      items.push(...batch);
    return items;
  } finally {
    await file.close();
  }
}

const text = (item: SplitItem) => (item.kind === 'line' ? item.bytes.toString('utf8') : `<${item.length} bytes>`);

describe('splitLines', () => {
  it('joins lines across chunks, strips CR, and reports resume offsets', async () => {
    const items = await split('abcdefgh\r\nij\n\nklm\n');
    expect(items.map(text)).toEqual(['abcdefgh', 'ij', '', 'klm']);
    expect(items.map((i) => i.end)).toEqual([10, 13, 14, 18]);
    expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
  });

  it('never yields a last line without a newline: the agent may still be writing it', async () => {
    const items = await split('one\ntwo\npartial');
    expect(items.map(text)).toEqual(['one', 'two']);
    expect(items.at(-1)?.end).toBe(8);
  });

  it('starts at a byte offset and counts lines from there', async () => {
    const items = await split('one\ntwo\nthree\n', { start: 4 });
    expect(items.map(text)).toEqual(['two', 'three']);
    expect(items[0]).toMatchObject({ number: 1, end: 8 });
  });

  it('drops an oversized line with its full length, whether it spans chunks or not', async () => {
    const items = await split(`ok\n${'x'.repeat(30)}\nyy\n`, { maxLineBytes: 10 });
    expect(items.map(text)).toEqual(['ok', '<30 bytes>', 'yy']);
    const big = await split(`${'x'.repeat(30)}\n`, { maxLineBytes: 10, chunkSize: 64 });
    expect(big.map(text)).toEqual(['<30 bytes>']);
  });

  it('yields the same lines whatever the chunk size', async () => {
    const content = Buffer.from('é{"a":1}\n\n{"b":"ü"}\r\nlast\n');
    const reference = (await split(content, { chunkSize: 1 })).map(text);
    for (const chunkSize of [2, 3, 7, 64]) expect((await split(content, { chunkSize })).map(text)).toEqual(reference);
  });

  it('yields the same lines reading every chunk into one reused buffer, batch by batch', async () => {
    const content = Buffer.from(
      'é{"a":1}\n\n{"b":"ü"}\r\nlast\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nok\n',
    );
    const path = join(dir, 'f.jsonl');
    await writeFile(path, content);
    for (const chunkSize of [1, 3, 7, 64]) {
      const options = { start: 0, chunkSize, maxLineBytes: 40 };
      const reference = (await split(content, options)).map((i) => [text(i), i.number, i.end]);
      const file = await openChunkFile(path);
      const seen: unknown[] = [];
      try {
        // Read each batch before asking for the next: its lines are views into the reused buffer.
        for await (const batch of splitLinesTransient(file, options))
          seen.push(...batch.map((i) => [text(i), i.number, i.end]));
      } finally {
        await file.close();
      }
      expect(seen).toEqual(reference);
    }
  });

  it('reads a file larger than one read whole, and a small one in a single read', async () => {
    const line = `{"k":"${'v'.repeat(1000)}"}`;
    const big = Array.from({ length: 300 }, () => line).join('\n') + '\n';
    const items = await split(big, { chunkSize: 64 * 1024, maxLineBytes: 4096 });
    expect(items).toHaveLength(300);
    expect(items.at(-1)?.end).toBe(Buffer.byteLength(big));
    expect(items.every((i) => text(i) === line)).toBe(true);
  });
});
