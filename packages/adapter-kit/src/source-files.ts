import { realpathSync } from 'node:fs';
import type { SourceRef } from '@rimuru/core';
import { glob } from 'tinyglobby';

export interface ListFilesOptions {
  /** Globs (relative to the root) of files that match but are not sources. */
  ignore?: string[];
  /** Stop after this many (after sorting): `limit: 1` answers "is there any?". */
  limit?: number;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Absolute paths of the files under `root` matching `patterns`, in code-unit order (deterministic, locale-independent). */
export async function listFiles(root: string, patterns: string | string[], options: ListFilesOptions = {}): Promise<string[]> {
  const files = await glob(patterns, {
    cwd: root,
    absolute: true,
    onlyFiles: true,
    dot: true,
    expandDirectories: false,
    ...(options.ignore === undefined ? {} : { ignore: options.ignore }),
  });
  files.sort(byCodeUnit);
  return options.limit === undefined ? files : files.slice(0, options.limit);
}

/** Builds a source list in which a file reachable twice (two roots, symlinks) appears once, under the path met first. */
export class SourceList {
  private readonly seen = new Set<string>();
  readonly sources: SourceRef[] = [];

  async add(path: string, mode: SourceRef['mode']): Promise<void> {
    let real = path;
    try {
      // Blocking, and the same libc realpath the promise version runs on the thread pool:
      // a home holds thousands of transcripts, and one round trip each adds up.
      real = realpathSync.native(path);
    } catch {
      // Vanished between listing and now: keep the listed path; reading will report it.
    }
    if (this.seen.has(real)) return;
    this.seen.add(real);
    this.sources.push({ path, mode });
  }
}

/** The files of every root, roots in order, each file once, all read incrementally (`append`). */
export async function appendSourcesUnder(roots: readonly string[], filesOf: (root: string) => Promise<string[]>): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of roots) {
    for (const path of await filesOf(root)) await list.add(path, 'append');
  }
  return list.sources;
}
