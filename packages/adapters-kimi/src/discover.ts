import { appendSourcesUnder, listFiles } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { WIRE_PATTERNS } from './layout.js';
import { kimiRoots } from './roots.js';

function wiresUnder(root: string, limit?: number): Promise<string[]> {
  return listFiles(root, WIRE_PATTERNS, { limit });
}

/** Every wire log of both layouts, roots in order, each root sorted; a file reachable twice is listed once. */
export async function discoverKimiWires(ctx: AdapterContext): Promise<SourceRef[]> {
  return appendSourcesUnder(await kimiRoots(ctx), (root) => wiresUnder(root));
}

export async function hasKimiWires(ctx: AdapterContext): Promise<boolean> {
  for (const root of await kimiRoots(ctx)) {
    if ((await wiresUnder(root, 1)).length > 0) return true;
  }
  return false;
}
