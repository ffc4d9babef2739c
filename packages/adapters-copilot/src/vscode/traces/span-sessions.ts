import type { SpanRow } from './trace-rows.js';

/**
 * Agents whose `invoke_agent` spans Copilot Chat writes for sessions another reader already
 * counts: `copilotcli` (the Copilot CLI inside VS Code, whose own `events.jsonl` reports the
 * usage this adapter reads) and `claude` (the Claude agent, whose transcript under
 * `~/.claude/projects` the Claude Code adapter reads). Their chat spans are skipped so no
 * request is counted twice.
 */
const FOREIGN_AGENTS: readonly string[] = ['copilotcli', 'claude'];

/** The `agent_name` (debug name) newer builds put on chat spans proxied for the Claude agent. */
const CLAUDE_PROXY_NAME = 'Claude Copilot Proxy';

/** Where a chat span's tokens go. */
export type SpanOwner =
  | { kind: 'session'; sessionId: string }
  /** Counted by another reader (see FOREIGN_AGENTS). */
  | { kind: 'foreign'; agent: string }
  /** Requests outside any chat (inline suggestions, next-edit, commit messages). */
  | { kind: 'none' };

const MAX_DEPTH = 256;

function nonEmpty(value: string | null): string | null {
  return value !== null && value.trim() !== '' ? value : null;
}

/** The chat a span names itself: a subagent/title/summary request names its parent chat first. */
function ownChat(span: SpanRow): string | null {
  return nonEmpty(span.parentChatSessionId) ?? nonEmpty(span.chatSessionId);
}

/** Resolves chat spans to VS Code chat session ids using the span tree of one trace store. */
export class SpanSessions {
  private readonly byId = new Map<string, SpanRow>();
  /** Per trace: the chat named by its earliest span that names one (the trace's root request). */
  private readonly traceChat = new Map<string, string>();

  constructor(rows: readonly SpanRow[]) {
    for (const row of rows) this.byId.set(row.spanId, row);
    // Rows arrive in start order, so the first naming span of a trace is its outermost one.
    for (const row of rows) {
      const chat = ownChat(row);
      if (chat !== null && !this.traceChat.has(row.traceId)) this.traceChat.set(row.traceId, chat);
    }
  }

  /** The span's ancestors present in the store, nearest first (cycle- and depth-guarded). */
  private ancestors(span: SpanRow): SpanRow[] {
    const out: SpanRow[] = [];
    const seen = new Set<string>([span.spanId]);
    let parentId = span.parentSpanId;
    while (parentId !== null && out.length < MAX_DEPTH && !seen.has(parentId)) {
      seen.add(parentId);
      const parent = this.byId.get(parentId);
      if (parent === undefined) break;
      out.push(parent);
      parentId = parent.parentSpanId;
    }
    return out;
  }

  /**
   * - Foreign: an ancestor is `invoke_agent copilotcli`/`invoke_agent claude`, the span is a
   *   Claude proxy request (`agent_name`), or (older builds, before either existed) a root chat
   *   span naming a chat session directly: the extension's own chats always nest their
   *   requests under an `invoke_agent` span, only the Claude proxy issues them at the root.
   * - Session: the span's `parent_chat_session_id`, else its `chat_session_id`, else the
   *   outermost ancestor's (BYOK providers' spans carry neither but nest in the request's
   *   trace; a subagent's `invoke_agent` names its invocation, the root names the chat), else
   *   the chat the span's trace names.
   */
  ownerOf(span: SpanRow): SpanOwner {
    if (span.agentName === CLAUDE_PROXY_NAME) return { kind: 'foreign', agent: 'claude' };
    const ancestors = this.ancestors(span);
    for (const a of ancestors) {
      if (a.operation === 'invoke_agent' && a.agentName !== null && FOREIGN_AGENTS.includes(a.agentName)) {
        return { kind: 'foreign', agent: a.agentName };
      }
    }
    if (
      span.parentSpanId === null &&
      nonEmpty(span.parentChatSessionId) === null &&
      nonEmpty(span.chatSessionId) !== null
    ) {
      return { kind: 'foreign', agent: 'claude' };
    }
    const own = ownChat(span);
    if (own !== null) return { kind: 'session', sessionId: own };
    let outer: string | null = null;
    for (const a of ancestors) outer = ownChat(a) ?? outer;
    const chat = outer ?? this.traceChat.get(span.traceId) ?? null;
    return chat === null ? { kind: 'none' } : { kind: 'session', sessionId: chat };
  }
}
