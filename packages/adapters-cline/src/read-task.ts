import { lineWarning } from '@rimuru/adapter-kit';
import type { AdapterDiagnostic, AdapterEvent } from '@rimuru/core';
import { basename, dirname, join } from 'node:path';
import { historyFacts } from './conversation-history.js';
import type { ClineFamilyFlavor } from './flavor.js';
import { historyItemFacts, taskHistoryItems, type HistoryItemFacts } from './history-item.js';
import { interpretUiMessages, type TaskFacts } from './interpret-ui-messages.js';
import { readJsonFile, type JsonFileRead } from './read-json-file.js';
import { modelUsageOf } from './task-metadata.js';

const TITLE_CHARS = 200;

function sideProblem(file: string, read: JsonFileRead): AdapterDiagnostic | null {
  if (read.kind !== 'problem') return null;
  return lineWarning(null, 'invalid-side-file', `${file}: ${read.message}`);
}

function title(text: string | null): string | null {
  if (text === null) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return null;
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}

/**
 * The task folder's other files: Cline's `task_metadata.json` (models), the task's history
 * item (Roo / Kilo `history_item.json` beside it, Cline's shared `<storage>/state/taskHistory.json`),
 * and `api_conversation_history.json` when the model or the working directory must come from
 * the prompts. Missing files are normal (older versions, tasks still starting).
 */
async function gatherFacts(
  taskDir: string,
  taskId: string,
  flavor: ClineFamilyFlavor,
  problems: AdapterDiagnostic[],
): Promise<TaskFacts> {
  let modelUsage: TaskFacts['modelUsage'] = [];
  if (flavor.modelSource === 'cline-metadata') {
    const metadata = await readJsonFile(join(taskDir, 'task_metadata.json'));
    const problem = sideProblem('task_metadata.json', metadata);
    if (problem !== null) problems.push(problem);
    if (metadata.kind === 'value') modelUsage = modelUsageOf(metadata.value);
  }

  let historyItem: HistoryItemFacts | null = null;
  const own = await readJsonFile(join(taskDir, 'history_item.json'));
  const ownProblem = sideProblem('history_item.json', own);
  if (ownProblem !== null) problems.push(ownProblem);
  if (own.kind === 'value') historyItem = historyItemFacts(own.value);
  if (historyItem === null) {
    const storage = dirname(dirname(taskDir));
    historyItem = (await taskHistoryItems(join(storage, 'state', 'taskHistory.json'))).get(taskId) ?? null;
  }

  let mentions: TaskFacts['mentions'] = [];
  let historyCwd: string | null = null;
  const needsPrompts = flavor.modelSource === 'environment-details' || historyItem?.cwd == null;
  if (needsPrompts) {
    const history = await readJsonFile(join(taskDir, 'api_conversation_history.json'));
    const problem = sideProblem('api_conversation_history.json', history);
    if (problem !== null) problems.push(problem);
    if (history.kind === 'value') {
      const facts = historyFacts(history.value);
      mentions = facts.models;
      historyCwd = facts.cwd;
    }
  }
  return { modelUsage, historyItem, mentions, historyCwd };
}

/**
 * Reads one task's `ui_messages.json` whole (a snapshot source: the extension rewrites the
 * whole array on every change) with its sibling files: diagnostics, one usage event per
 * request with counts, one activity event, and a checkpoint at the end of the file.
 */
export async function* readTask(path: string, flavor: ClineFamilyFlavor): AsyncGenerator<AdapterEvent> {
  const read = await readJsonFile(path);
  if (read.kind === 'missing') {
    yield { type: 'diagnostic', severity: 'error', code: 'unreadable-source', message: `${path} vanished`, line: null };
    return;
  }
  if (read.kind === 'problem') {
    const severity = read.code === 'unreadable-source' ? 'error' : 'warning';
    yield { type: 'diagnostic', severity, code: read.code, message: `ui_messages.json: ${read.message}`, line: null };
    if (read.code !== 'unreadable-source') yield { type: 'checkpoint', offset: read.bytes, state: null };
    return;
  }
  if (!Array.isArray(read.value)) {
    yield lineWarning(null, 'invalid-record', 'ui_messages.json is not a JSON array of messages');
    yield { type: 'checkpoint', offset: read.bytes, state: null };
    return;
  }

  const taskDir = dirname(path);
  const taskId = basename(taskDir);
  const problems: AdapterDiagnostic[] = [];
  const facts = await gatherFacts(taskDir, taskId, flavor, problems);
  const result = interpretUiMessages(read.value, taskId, flavor, facts);
  yield* problems;
  yield* result.diagnostics;
  yield* result.usage;
  if (result.firstAt !== null && result.lastAt !== null) {
    yield {
      type: 'activity',
      sessionExternalId: taskId,
      firstAt: result.firstAt.iso,
      lastAt: result.lastAt.iso,
      projectPath: facts.historyItem?.cwd ?? facts.historyCwd,
      parentExternalId: facts.historyItem?.parentTaskId ?? null,
      tokensKnown: true,
      title: title(facts.historyItem?.task ?? result.firstPrompt),
    };
  }
  yield { type: 'checkpoint', offset: read.bytes, state: null };
}
