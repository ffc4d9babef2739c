import { asObject, modelName, nonEmptyString } from './cursor-record.js';
import { toEpochMs } from './timestamps.js';

/** One `composerData:<id>` value (a chat or agent session), reduced to what Rimuru uses. */
export interface ParsedComposer {
  composerId: string;
  /** `_v`: 10 in current builds, 3 in old ones with inline bubbles. */
  version: number | null;
  name: string | null;
  createdAtMs: number | null;
  lastUpdatedAtMs: number | null;
  /** `modelConfig.modelName`: the fallback model of bubbles that name none (may be `default`). */
  model: string | null;
  /** Bubble types announced by `fullConversationHeadersOnly`, by bubble id. */
  headerTypes: Map<string, number>;
  /** Legacy inline bubbles (`conversation[]`), empty when the composer has none. */
  inlineBubbles: unknown[];
  /** Composers this one spawned (subagents); they name this one as their parent. */
  subComposerIds: string[];
}

export type ComposerParse = { ok: true; composer: ParsedComposer } | { ok: false; message: string };

function headerTypes(value: unknown): Map<string, number> {
  const types = new Map<string, number>();
  if (!Array.isArray(value)) return types;
  for (const item of value) {
    const header = asObject(item);
    const id = nonEmptyString(header?.['bubbleId']);
    const type = header?.['type'];
    if (id !== null && typeof type === 'number') types.set(id, type);
  }
  return types;
}

/** Parses a composer value; `keyComposerId` (from the row key) is its identity. */
export function parseComposer(value: unknown, keyComposerId: string): ComposerParse {
  const record = asObject(value);
  if (record === null) return { ok: false, message: 'composerData is not a JSON object' };
  const conversation = record['conversation'];
  if (conversation !== undefined && conversation !== null && !Array.isArray(conversation)) {
    return { ok: false, message: 'conversation is not an array' };
  }
  const version = record['_v'];
  return {
    ok: true,
    composer: {
      composerId: keyComposerId,
      version: typeof version === 'number' ? version : null,
      name: nonEmptyString(record['name']),
      createdAtMs: toEpochMs(record['createdAt']),
      lastUpdatedAtMs: toEpochMs(record['lastUpdatedAt']),
      model: modelName(asObject(record['modelConfig'])?.['modelName']),
      headerTypes: headerTypes(record['fullConversationHeadersOnly']),
      inlineBubbles: Array.isArray(conversation) ? conversation : [],
      subComposerIds: Array.isArray(record['subComposerIds'])
        ? record['subComposerIds'].filter((id): id is string => nonEmptyString(id) !== null)
        : [],
    },
  };
}
