import { pathToFileURL } from 'node:url';

/** A `file://` URI as VS Code writes it in `workspace.json` (percent-encoded). */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export interface CursorBubbleInit {
  bubbleId: string;
  /** 1 user, 2 assistant (default 2). */
  type?: number;
  /** ISO string (Cursor's shape); omitted when undefined. */
  createdAt?: string | number;
  /** `{inputTokens, outputTokens}` (any other value for a malformed bubble); `null` omits the field. */
  tokenCount?: unknown;
  /** `modelInfo.modelName`; `null` writes `modelInfo: null`. */
  modelName?: string | null;
  text?: string;
  extra?: Record<string, unknown>;
}

/** A bubble value (`_v` 3) as Cursor stores it in `bubbleId:<composer>:<bubble>` rows. */
export function cursorBubble(init: CursorBubbleInit): Record<string, unknown> {
  const bubble: Record<string, unknown> = {
    _v: 3,
    type: init.type ?? 2,
    bubbleId: init.bubbleId,
    requestId: `req-${init.bubbleId}`,
    text: init.text ?? (init.type === 1 ? 'please do it' : 'done'),
    richText: '',
    usageUuid: `usage-${init.bubbleId}`,
    codeBlocks: [],
  };
  if (init.createdAt !== undefined) bubble['createdAt'] = init.createdAt;
  if (init.tokenCount !== null) bubble['tokenCount'] = init.tokenCount ?? { inputTokens: 0, outputTokens: 0 };
  if (init.modelName !== undefined)
    bubble['modelInfo'] = init.modelName === null ? null : { modelName: init.modelName };
  return { ...bubble, ...init.extra };
}

export interface CursorComposerInit {
  composerId: string;
  name?: string;
  /** ms epoch. */
  createdAt?: number;
  /** ms epoch. */
  lastUpdatedAt?: number;
  /** `modelConfig.modelName` (e.g. `default`). */
  modelName?: string;
  /** `fullConversationHeadersOnly` for `_v` 10. */
  headers?: { bubbleId: string; type: number }[];
  /** Inline bubbles for legacy `_v` 3 composers. */
  conversation?: Record<string, unknown>[];
  subComposerIds?: string[];
  extra?: Record<string, unknown>;
}

/** A current (`_v` 10) composer value: bubbles live in their own rows. */
export function cursorComposerV10(init: CursorComposerInit): Record<string, unknown> {
  return {
    _v: 10,
    composerId: init.composerId,
    name: init.name,
    createdAt: init.createdAt,
    lastUpdatedAt: init.lastUpdatedAt,
    status: 'completed',
    fullConversationHeadersOnly: init.headers ?? [],
    conversationMap: {},
    modelConfig: init.modelName === undefined ? undefined : { modelName: init.modelName, maxMode: false },
    unifiedMode: 'agent',
    isAgentic: true,
    subComposerIds: init.subComposerIds,
    ...init.extra,
  };
}

/** A legacy (`_v` 3) composer value with its bubbles inline in `conversation[]`. */
export function cursorComposerV3(init: CursorComposerInit): Record<string, unknown> {
  return {
    _v: 3,
    composerId: init.composerId,
    name: init.name,
    createdAt: init.createdAt,
    lastUpdatedAt: init.lastUpdatedAt,
    conversation: init.conversation ?? [],
    modelConfig: init.modelName === undefined ? undefined : { modelName: init.modelName },
    ...init.extra,
  };
}

/** A workspace `ItemTable` `composer.composerData` value listing composers. */
export function cursorWorkspaceComposers(composerIds: string[]): Record<string, unknown> {
  return {
    allComposers: composerIds.map((composerId) => ({ composerId, type: 'head', unifiedMode: 'agent' })),
    selectedComposerIds: composerIds.slice(0, 1),
  };
}
