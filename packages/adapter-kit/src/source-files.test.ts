import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendSourcesUnder, listFiles, SourceList } from './source-files.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rimuru-kit-files-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

async function touch(...parts: string[]): Promise<string> {
  const path = join(root, ...parts);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '{}\n');
  return path;
}

describe('listFiles', () => {
  it('lists matching files recursively (dot folders too) in code-unit order, honouring ignore and limit', async () => {
    const b = await touch('p', 'b.jsonl');
    const upper = await touch('p', 'Z.jsonl');
    const dot = await touch('.hidden', 'a.jsonl');
    await touch('p', 'notes.txt');
    await touch('wf', 'workflows', 'x', 'journal.jsonl');
    const all = await listFiles(root, '**/*.jsonl', { ignore: ['**/workflows/**/journal.jsonl'] });
    expect(all).toEqual([dot, upper, b]);
    expect(await listFiles(root, '**/*.jsonl', { ignore: ['**/workflows/**'], limit: 1 })).toEqual([dot]);
    expect(await listFiles(join(root, 'p'), ['*.txt', '*.jsonl'])).toEqual([upper, b, join(root, 'p', 'notes.txt')]);
  });

  it('is empty for a root that does not exist', async () => {
    expect(await listFiles(join(root, 'missing'), '**/*.jsonl')).toEqual([]);
  });
});

describe('SourceList / appendSourcesUnder', () => {
  it('lists a file reachable from two roots once, under the path met first', async () => {
    const a = await touch('one', 's.jsonl');
    await mkdir(join(root, 'two'));
    await symlink(a, join(root, 'two', 's.jsonl'));
    const only = await touch('two', 't.jsonl');
    const sources = await appendSourcesUnder([join(root, 'one'), join(root, 'two')], (r) => listFiles(r, '*.jsonl'));
    expect(sources).toEqual([
      { path: a, mode: 'append' },
      { path: only, mode: 'append' },
    ]);
  });

  it('keeps a vanished file under its listed path, with the mode given', () => {
    const list = new SourceList();
    list.add(join(root, 'gone.json'), 'snapshot');
    list.add(join(root, 'gone.json'), 'snapshot');
    expect(list.sources).toEqual([{ path: join(root, 'gone.json'), mode: 'snapshot' }]);
  });
});
