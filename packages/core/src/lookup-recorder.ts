import { AsyncLocalStorage } from 'node:async_hooks';

// Where an adapter looks for its data is decided inside each adapter (defaults per OS,
// environment variables, config roots). Rather than each adapter listing its candidates a
// second time, the shared path checks (adapter-kit's isDirectory and isFile) note every path
// they are asked about while a recording runs: on a first run with no data the apps can then
// say where each agent was looked for.
const recording = new AsyncLocalStorage<Set<string>>();

/** Notes that `path` was checked for agent data; nothing unless a recording is running. */
export function noteLookup(path: string): void {
  recording.getStore()?.add(path);
}

/** Runs `fn` and returns what it returned or threw, with every path noted meanwhile, in order. */
export async function recordLookups<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; paths: string[] }> {
  const paths = new Set<string>();
  try {
    const value = await recording.run(paths, fn);
    return { value, paths: [...paths] };
  } catch (error) {
    return { error, paths: [...paths] };
  }
}
