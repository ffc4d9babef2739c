import { existingDirectories, isDirectory, rootsFromEnv } from '@rimuru/adapter-kit';
import { RimuruError, type AdapterContext } from '@rimuru/core';
import { basename, join } from 'node:path';
import type { ClineFamilyFlavor } from './flavor.js';
import { extensionStorageCandidates } from './vscode-user-dirs.js';

/** An override entry names a storage folder (holding `tasks/`) or the `tasks/` folder itself. */
async function tasksDirOf(path: string): Promise<string | null> {
  if (await isDirectory(join(path, 'tasks'))) return join(path, 'tasks');
  if (basename(path) === 'tasks' && (await isDirectory(path))) return path;
  return null;
}

/**
 * Existing `tasks/` folders of a flavor: the override variable's entries when it is set (a
 * value naming nothing usable is a misconfiguration, reported rather than read as "no data"),
 * else `globalStorage/<extensionId>/tasks` of every VS Code product and server, then the
 * flavor's storage folders outside VS Code.
 */
export async function taskRoots(ctx: AdapterContext, flavor: ClineFamilyFlavor): Promise<string[]> {
  const fromEnv = await rootsFromEnv(ctx.env, flavor.overrideEnvVar, ctx.homeDir, tasksDirOf);
  if (fromEnv !== null) {
    if (fromEnv.roots.length === 0) {
      throw new RimuruError(
        'SOURCE_ERROR',
        `${flavor.overrideEnvVar}="${fromEnv.value}" names no folder with a tasks/ directory`,
        1,
        {
          suggestions: [
            `Point ${flavor.overrideEnvVar} at ${flavor.label}'s storage folder (the one holding tasks/), or unset it`,
          ],
        },
      );
    }
    return fromEnv.roots;
  }
  const storages = [...extensionStorageCandidates(ctx, flavor.extensionId), ...(flavor.extraStorageDirs?.(ctx) ?? [])];
  return existingDirectories(storages.map((storage) => join(storage, 'tasks')));
}
