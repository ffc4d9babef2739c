import { join } from 'node:path';
import { vscodeUserDirCandidates as vscodeUserDirs } from '@rimuru/adapter-kit';
import type { AdapterContext } from '@rimuru/core';

/**
 * VS Code and the forks these extensions install into (the list public readers such as
 * splitrail scan), each keeping its `User` folder under the platform's application-data dir.
 */
const VSCODE_PRODUCTS = [
  'Code',
  'Code - Insiders',
  'VSCodium',
  'Cursor',
  'Windsurf',
  'Positron',
  'Trae',
  'Antigravity',
] as const;

/** Candidate VS Code `User` folders (existing or not): every product, then VS Code Server's. */
function vscodeUserDirCandidates(ctx: AdapterContext): string[] {
  return vscodeUserDirs(ctx, VSCODE_PRODUCTS);
}

/** Candidate `globalStorage/<extensionId>` folders of an extension in every VS Code `User` folder. */
export function extensionStorageCandidates(ctx: AdapterContext, extensionId: string): string[] {
  return vscodeUserDirCandidates(ctx).map((user) => join(user, 'globalStorage', extensionId));
}
