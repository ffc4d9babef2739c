import { basename, dirname } from 'node:path';

/** Who a file in a session directory belongs to, read from its path alone. */
export interface SessionPathFacts {
  /** The session directory's name (a UUIDv7, equal to `summary.json` `info.id`). */
  sessionId: string;
  /** For `<parent>/subagents/<id>/…`: the parent session's id. */
  parentId: string | null;
  /** The decoded `<url-encoded cwd>` folder above the session, if the path has one. */
  projectPath: string | null;
}

function decode(segment: string): string | null {
  try {
    const decoded = decodeURIComponent(segment);
    // Only a folder that encodes an absolute path is a cwd (`%2Fhome%2F…`, `C%3A%5C…`).
    return decoded !== segment && (decoded.startsWith('/') || /^[A-Za-z]:[\\/]/.test(decoded)) ? decoded : null;
  } catch {
    return null;
  }
}

/** `…/sessions/<enc cwd>/<id>/<file>` or `…/<enc cwd>/<parent>/subagents/<id>/<file>`. */
export function sessionPathFacts(filePath: string): SessionPathFacts {
  const sessionDir = dirname(filePath);
  const sessionId = basename(sessionDir);
  const above = dirname(sessionDir);
  if (basename(above) === 'subagents') {
    const parentDir = dirname(above);
    return { sessionId, parentId: basename(parentDir), projectPath: decode(basename(dirname(parentDir))) };
  }
  return { sessionId, parentId: null, projectPath: decode(basename(above)) };
}
