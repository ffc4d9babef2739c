import { isRecord, trimmedString } from '@rimuru/adapter-kit';
import { stat } from 'node:fs/promises';
import { readJsonFile } from './read-json-file.js';

/** What the extension's task list says about a task (`HistoryItem`). */
export interface HistoryItemFacts {
  /** Cline `cwdOnTaskInitialization`, Roo / Kilo `workspace`. */
  cwd: string | null;
  /** Cline `modelId` (recent 3.x). */
  modelId: string | null;
  /** The first prompt, which the extension shows as the task's title. */
  task: string | null;
  /** Roo / Kilo subtasks: `parentTaskId`. */
  parentTaskId: string | null;
}

/** Fields of one `HistoryItem` object; null when it is not one. */
export function historyItemFacts(value: unknown): HistoryItemFacts | null {
  if (!isRecord(value)) return null;
  return {
    cwd: trimmedString(value['cwdOnTaskInitialization']) ?? trimmedString(value['workspace']),
    modelId: trimmedString(value['modelId']),
    task: trimmedString(value['task']),
    parentTaskId: trimmedString(value['parentTaskId']),
  };
}

interface CachedList {
  key: string;
  items: Map<string, HistoryItemFacts>;
}

/**
 * Cline keeps one task list for all tasks, `<storage>/state/taskHistory.json`; it can hold
 * thousands of items, so the parsed list is kept while the file is unchanged (every task of a
 * sync reads the same one).
 */
let cached: CachedList | null = null;

/** The items of a Cline `state/taskHistory.json` by task id; empty when the file is missing or not a list. */
export async function taskHistoryItems(path: string): Promise<Map<string, HistoryItemFacts>> {
  let key: string;
  try {
    const info = await stat(path);
    key = `${path}\0${info.size}\0${info.mtimeMs}`;
  } catch {
    return new Map();
  }
  if (cached?.key === key) return cached.items;
  const items = new Map<string, HistoryItemFacts>();
  const read = await readJsonFile(path);
  if (read.kind === 'value' && Array.isArray(read.value)) {
    for (const entry of read.value) {
      const id = isRecord(entry) ? trimmedString(entry['id']) : null;
      const facts = historyItemFacts(entry);
      if (id !== null && facts !== null) items.set(id, facts);
    }
  }
  cached = { key, items };
  return items;
}
