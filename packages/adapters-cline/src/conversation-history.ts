import { isRecord } from '@rimuru/adapter-kit';

/** A `<model>…</model>` tag of the environment details, with the time of the prompt that held it. */
export interface ModelMention {
  /** Epoch ms of the history message; null when the message carries no `ts`. */
  ts: number | null;
  model: string;
}

export interface HistoryFacts {
  /** Model tags in history order. */
  models: ModelMention[];
  /** The first working directory the environment details name, or null. */
  cwd: string | null;
}

const MODEL_TAG = /<model>([^<]+)<\/model>/g;
/** Cline writes "Working", Roo / Kilo "Workspace"; multi-root Cline prints a name, not a path. */
const CWD_LINE = /# Current (?:Working|Workspace) Directory \((.+?)\) Files/;

function textsOf(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  const texts: string[] = [];
  for (const block of content) {
    if (isRecord(block) && typeof block['text'] === 'string') texts.push(block['text']);
  }
  return texts;
}

function looksLikePath(value: string): boolean {
  return value.startsWith('/') || value.startsWith('~') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

/**
 * Facts from `api_conversation_history.json` (Anthropic-style `{role, content, ts?}` messages):
 * the model tags and the working directory the extension wrote into each prompt's
 * environment details.
 */
export function historyFacts(value: unknown): HistoryFacts {
  const facts: HistoryFacts = { models: [], cwd: null };
  if (!Array.isArray(value)) return facts;
  for (const message of value) {
    if (!isRecord(message) || message['role'] !== 'user') continue;
    const rawTs = message['ts'];
    const ts = typeof rawTs === 'number' && Number.isFinite(rawTs) && rawTs > 0 ? rawTs : null;
    for (const text of textsOf(message['content'])) {
      for (const match of text.matchAll(MODEL_TAG)) {
        const model = match[1]?.trim();
        if (model !== undefined && model !== '') facts.models.push({ ts, model });
      }
      if (facts.cwd === null) {
        const cwd = CWD_LINE.exec(text)?.[1]?.trim();
        if (cwd !== undefined && looksLikePath(cwd)) facts.cwd = cwd;
      }
    }
  }
  return facts;
}
