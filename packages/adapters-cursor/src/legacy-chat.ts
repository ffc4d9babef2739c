import { asObject, modelName, nonEmptyString } from './cursor-record.js';
import { toEpochMs } from './timestamps.js';

/** The workspace `ItemTable` key of pre-composer (2024-era) chats. */
export const LEGACY_CHAT_KEY = 'workbench.panel.aichat.view.aichat.chatdata';

/** One pre-composer chat tab: only its last send time is recorded, and no tokens. */
export interface LegacyChat {
  tabId: string;
  title: string | null;
  atMs: number;
  /** `modelType` of its AI bubbles, first-use order. */
  models: string[];
  /** AI answers in the tab: the requests it made. */
  requestCount: number;
}

function answerModels(answers: readonly Record<string, unknown>[]): string[] {
  const models: string[] = [];
  for (const answer of answers) {
    const model = modelName(answer['modelType']);
    if (model !== null && !models.includes(model)) models.push(model);
  }
  return models;
}

/**
 * Chat tabs of a legacy `aichat.chatdata` value. A tab counts as a session when it got at least
 * one AI answer and has a `lastSendTime`; empty "New chat" tabs do not. `skipped` counts tabs
 * that are malformed (no id, bubbles not an array, no usable time despite answers).
 */
export function parseLegacyChats(value: unknown): { chats: LegacyChat[]; skipped: number } | null {
  const tabs = asObject(value)?.['tabs'];
  if (!Array.isArray(tabs)) return null;
  const chats: LegacyChat[] = [];
  let skipped = 0;
  for (const item of tabs) {
    const tab = asObject(item);
    const tabId = nonEmptyString(tab?.['tabId']);
    const bubbles = tab?.['bubbles'];
    if (tab === null || tabId === null || !Array.isArray(bubbles)) {
      skipped += 1;
      continue;
    }
    const answers = bubbles.map(asObject).filter((b): b is Record<string, unknown> => b?.['type'] === 'ai');
    if (answers.length === 0) continue;
    const atMs = toEpochMs(tab['lastSendTime']);
    if (atMs === null) {
      skipped += 1;
      continue;
    }
    chats.push({
      tabId,
      title: nonEmptyString(tab['chatTitle']),
      atMs,
      models: answerModels(answers),
      requestCount: answers.length,
    });
  }
  return { chats, skipped };
}
