import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { lineWarning, nonBlankString, unreadableSource } from '@rimuru/adapter-kit';
import type { AdapterEvent } from '@rimuru/core';
import { interpretMessage, type CostRule } from './interpret-message.js';
import { asObject, type JsonObject } from './json-fields.js';
import { rawTokensOf, type RawTokens } from './message-tokens.js';
import { SessionActivities } from './session-activity.js';
import { interpretSession } from './session-info.js';

const CHECKPOINT: AdapterEvent = { type: 'checkpoint', offset: 0, state: null };

type Parsed = { ok: true; value: JsonObject } | { ok: false; event: AdapterEvent };

async function readJsonObject(path: string): Promise<Parsed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, event: unreadableSource(error) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, event: lineWarning(1, 'invalid-json', 'not a JSON document') };
  }
  const obj = asObject(value);
  if (obj === null) return { ok: false, event: lineWarning(1, 'invalid-record', 'not a JSON object') };
  return { ok: true, value: obj };
}

/** `<root>/storage` of a file under `<root>/storage/message/…` or `…/session/…`. */
function storageDirOf(path: string, folder: 'message' | 'session'): string | null {
  const marker = `${sep}storage${sep}${folder}${sep}`;
  const at = path.lastIndexOf(marker);
  return at < 0 ? null : path.slice(0, at + `${sep}storage`.length);
}

/**
 * The step-finish parts of a message, from `storage/part/<messageID>/*.json`. Read only for a
 * message that has tokens: text and tool parts can be large, and only step-finish carries usage.
 */
async function stepTokens(storage: string, messageId: string): Promise<RawTokens[]> {
  const dir = join(storage, 'part', messageId);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const steps: RawTokens[] = [];
  for (const name of names) {
    let part: JsonObject | null;
    try {
      part = asObject(JSON.parse(await readFile(join(dir, name), 'utf8')));
    } catch {
      continue; // a part being written; the message is re-read when it is rewritten
    }
    if (part?.['type'] !== 'step-finish') continue;
    const tokens = rawTokensOf(part['tokens']);
    if (tokens !== null) steps.push(tokens);
  }
  return steps;
}

/** A legacy message file: `storage/message/<sessionID>/<msg_…>.json`, one message per file. */
export async function* readLegacyMessage(path: string, rule: CostRule): AsyncGenerator<AdapterEvent> {
  const parsed = await readJsonObject(path);
  if (!parsed.ok) {
    yield parsed.event;
    yield CHECKPOINT;
    return;
  }
  const data = parsed.value;
  const id = nonBlankString(data['id']);
  if (id === null && nonBlankString(data['role']) === null) {
    yield lineWarning(1, 'invalid-record', 'not an OpenCode message (no id, no role)');
    yield CHECKPOINT;
    return;
  }
  const storage = storageDirOf(path, 'message');
  const steps = storage !== null && id !== null && data['tokens'] !== undefined ? await stepTokens(storage, id) : [];
  // The folder is the session id (`message/<sessionID>/`), unless the file sits in `message/` itself.
  const folder = basename(dirname(path));
  const sessionHint = folder === 'message' ? null : folder;
  const facts = interpretMessage(data, { rowId: null, sessionHint, index: 1 }, steps, rule);
  if (facts.problem !== null) yield lineWarning(1, 'invalid-record', facts.problem);
  if (facts.usage !== null) yield facts.usage;
  const activities = new SessionActivities();
  activities.addMessage(facts);
  yield* activities.take();
  yield CHECKPOINT;
}

/** A legacy session file: `storage/session/<projectID>/<ses_…>.json` (project, title, parent). */
export async function* readLegacySession(path: string): AsyncGenerator<AdapterEvent> {
  const parsed = await readJsonObject(path);
  if (!parsed.ok) {
    yield parsed.event;
    yield CHECKPOINT;
    return;
  }
  const info = interpretSession(parsed.value, nonBlankString(parsed.value['id']));
  if (info === null) {
    yield lineWarning(1, 'invalid-record', 'not an OpenCode session (no id)');
  } else {
    const activities = new SessionActivities();
    activities.addSession(info);
    yield* activities.take();
  }
  yield CHECKPOINT;
}
