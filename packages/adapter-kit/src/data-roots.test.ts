import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existingDirectories, expandHome, isDirectory, isFile, resolveUserPath, rootsFromEnv } from './data-roots.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'rimuru-kit-roots-'));
});
afterEach(async () => rm(home, { recursive: true, force: true }));

describe('expandHome / resolveUserPath', () => {
  it('expands ~ and ~/ only, and resolves relative paths from the home directory', () => {
    expect(expandHome('~', '/h')).toBe('/h');
    expect(expandHome('~/a/b', '/h')).toBe(join('/h', 'a', 'b'));
    expect(expandHome('~other/a', '/h')).toBe('~other/a');
    expect(resolveUserPath('rel/dir', '/h')).toBe(join('/h', 'rel', 'dir'));
    expect(resolveUserPath('/abs', '/h')).toBe('/abs');
  });
});

describe('isFile / isDirectory', () => {
  it('tells files from directories, false for what is missing', async () => {
    await writeFile(join(home, 'file'), '');
    expect([await isFile(join(home, 'file')), await isFile(home), await isFile(join(home, 'missing'))]).toEqual([
      true,
      false,
      false,
    ]);
    expect([
      await isDirectory(home),
      await isDirectory(join(home, 'file')),
      await isDirectory(join(home, 'missing')),
    ]).toEqual([true, false, false]);
  });
});

describe('existingDirectories', () => {
  it('keeps existing directories in order, once per real place', async () => {
    await mkdir(join(home, 'a'));
    await mkdir(join(home, 'b'));
    await writeFile(join(home, 'file'), '');
    await symlink(join(home, 'a'), join(home, 'link-to-a'));
    const found = await existingDirectories([
      join(home, 'b'),
      join(home, 'missing'),
      join(home, 'file'),
      join(home, 'link-to-a'),
      join(home, 'a'),
    ]);
    expect(found).toEqual([join(home, 'b'), join(home, 'link-to-a')]);
  });
});

describe('rootsFromEnv', () => {
  it('is null when the variable is unset or blank, so the caller uses its defaults', async () => {
    expect(await rootsFromEnv({}, 'X_HOME', home)).toBeNull();
    expect(await rootsFromEnv({ X_HOME: '  ' }, 'X_HOME', home)).toBeNull();
  });

  it('splits on commas, trims, expands ~, keeps existing directories once each', async () => {
    await mkdir(join(home, 'one'));
    await mkdir(join(home, 'two'));
    await symlink(join(home, 'one'), join(home, 'alias'));
    const env = { X_HOME: ` ~/one , ,${join(home, 'two')},~/alias,~/missing ` };
    expect(await rootsFromEnv(env, 'X_HOME', home)).toEqual({
      value: env.X_HOME.trim(),
      roots: [join(home, 'one'), join(home, 'two')],
    });
  });

  it('reports a variable that names nothing usable as empty roots, and maps entries through pick', async () => {
    await mkdir(join(home, 'cfg', 'projects'), { recursive: true });
    expect(await rootsFromEnv({ X_HOME: '~/nope' }, 'X_HOME', home)).toEqual({ value: '~/nope', roots: [] });
    const picked = await rootsFromEnv({ X_HOME: '~/cfg,~/nope' }, 'X_HOME', home, (p) =>
      Promise.resolve(p.endsWith('cfg') ? join(p, 'projects') : null),
    );
    expect(picked?.roots).toEqual([join(home, 'cfg', 'projects')]);
  });
});
