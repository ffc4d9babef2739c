import { listFiles, SourceList } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import type { ClineFamilyFlavor } from './flavor.js';
import { taskRoots } from './roots.js';

/** One source per task folder: its `ui_messages.json`. */
const TASK_PATTERN = '*/ui_messages.json';

/**
 * Every task's `ui_messages.json`, roots in order, each file once. Snapshot sources: the
 * extension rewrites the whole array (and updates request records in place) on every change.
 */
export async function discoverTasks(ctx: AdapterContext, flavor: ClineFamilyFlavor): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of await taskRoots(ctx, flavor)) {
    for (const path of await listFiles(root, TASK_PATTERN)) list.add(path, 'snapshot');
  }
  return list.sources;
}

/** Whether any root holds a task. */
export async function hasTasks(ctx: AdapterContext, flavor: ClineFamilyFlavor): Promise<boolean> {
  for (const root of await taskRoots(ctx, flavor)) {
    if ((await listFiles(root, TASK_PATTERN, { limit: 1 })).length > 0) return true;
  }
  return false;
}
