import { asObject, nonEmptyString } from './cursor-record.js';
import { toEpochMs } from './timestamps.js';

/** The workspace `ItemTable` key of pre-composer (2024-era) chats. */
export const LEGACY_CHAT_KEY = 'workbench.panel.aichat.view.aichat.chatdata';

/** One pre-composer chat tab: only its last send time is recorded, and no tokens. */
export interface LegacyChat {
  tabId: string;
  title: string | null;
  atMs: number;
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
    if (!bubbles.some((b) => asObject(b)?.['type'] === 'ai')) continue;
    const atMs = toEpochMs(tab['lastSendTime']);
    if (atMs === null) {
      skipped += 1;
      continue;
    }
    chats.push({ tabId, title: nonEmptyString(tab['chatTitle']), atMs });
  }
  return { chats, skipped };
}
