import type { AgentAdapter } from '@rimuru/core';
import { discoverTasks, hasTasks } from './discover.js';
import type { ClineFamilyFlavor } from './flavor.js';
import { readTask } from './read-task.js';
import { taskRoots } from './roots.js';

/** An adapter for one member of the Cline family (Cline, Roo Code, Kilo Code and other forks). */
export function createClineFamilyAdapter(flavor: ClineFamilyFlavor): AgentAdapter {
  return {
    id: flavor.id,
    label: flavor.label,
    detect: (ctx) => hasTasks(ctx, flavor),
    roots: (ctx) => taskRoots(ctx, flavor),
    discover: (ctx) => discoverTasks(ctx, flavor),
    read: (source) => readTask(source.path, flavor),
    // Its read uses only the context's data and logger: the engine may run it in a worker thread.
    readsOffThread: true,
  };
}
