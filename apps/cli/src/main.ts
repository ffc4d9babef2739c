import { execute } from '@oclif/core';

/** Runs the CLI through oclif; bin/run.js decides the root and whether user plugins load. */
export async function run(root: string, userPlugins: boolean): Promise<void> {
  await execute({ loadOptions: { root, userPlugins } });
}
