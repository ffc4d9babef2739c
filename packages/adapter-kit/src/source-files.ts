import { statSync } from 'node:fs';
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
export async function listFiles(
  root: string,
  patterns: string | string[],
  options: ListFilesOptions = {},
): Promise<string[]> {
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

function identityOf(path: string): { dev: number; ino: number } | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // unreadable: listed under its own path, reading reports why
  }
}

/** Builds a source list in which a file reachable twice (two roots, symlinks) appears once, under the path met first. */
export class SourceList {
  private readonly seen = new Set<string>();
  readonly sources: SourceRef[] = [];

  add(path: string, mode: SourceRef['mode']): void {
    // One file is one (device, inode), whatever links lead to it. A blocking stat: a home holds
    // thousands of transcripts, a thread-pool round trip each adds up, and realpath would lstat
    // every component of the path. A file vanished since listing keeps its listed path; reading
    // will report it.
    const stats = identityOf(path);
    const identity = stats === undefined ? `path:${path}` : `${stats.dev}:${stats.ino}`;
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    this.sources.push({ path, mode });
  }
}

/** The files of every root, roots in order, each file once, all read incrementally (`append`). */
export async function appendSourcesUnder(
  roots: readonly string[],
  filesOf: (root: string) => Promise<string[]>,
): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of roots) {
    for (const path of await filesOf(root)) list.add(path, 'append');
  }
  return list.sources;
}
