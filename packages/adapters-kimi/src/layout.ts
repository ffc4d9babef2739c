import { join, sep } from 'node:path';

/** Where a wire file sits, and what its place says about its session. */
export interface WireLocation {
  /** `kimi-cli`: `sessions/<md5(workdir)>/<session>/wire.jsonl`; `kimi-code`: `sessions/wd_…/session_…/agents/<agent>/…jsonl`. */
  layout: 'kimi-cli' | 'kimi-code';
  /** The data home (`~/.kimi`, `~/.kimi-code`). */
  root: string;
  /** The session folder: its name is the session id; subagent files fold into it. */
  sessionDir: string;
  sessionId: string;
  /** The folder above the session (kimi-cli: md5 of the working directory). */
  groupDir: string;
  /** Kimi Code: the agent folder below `agents/` (`main`, `agent-0`, …); null for kimi-cli. */
  agentId: string | null;
}

/** Globs (relative to a root) of the files a session writes events to. */
export const WIRE_PATTERNS = ['sessions/*/*/wire.jsonl', 'sessions/*/*/agents/**/*.jsonl'];

/** Reads the layout from a discovered path; null for a path outside both layouts. */
export function locateWire(path: string): WireLocation | null {
  const parts = path.split(/[\\/]/);
  const at = parts.lastIndexOf('sessions');
  if (at < 1) return null;
  const below = parts.slice(at + 1);
  const root = parts.slice(0, at).join(sep) || sep;
  const groupDir = join(root, 'sessions', below[0] ?? '');
  const sessionId = below[1] ?? '';
  if (below.length === 3 && below[2] === 'wire.jsonl') {
    return { layout: 'kimi-cli', root, sessionDir: join(groupDir, sessionId), sessionId, groupDir, agentId: null };
  }
  if (below.length >= 5 && below[2] === 'agents') {
    return {
      layout: 'kimi-code',
      root,
      sessionDir: join(groupDir, sessionId),
      sessionId,
      groupDir,
      agentId: below[3] ?? null,
    };
  }
  return null;
}
