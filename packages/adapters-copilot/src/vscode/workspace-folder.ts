import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isRecord } from '@rimuru/adapter-kit';

export type WorkspaceProject = { projectPath: string | null; problem: string | null };

const URI = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A workspace URI as a path: `file:///home/u/proj` → `/home/u/proj`, percent-decoded;
 * `file:///c%3A/Users/u/proj` → `c:\Users\u\proj` on Windows; a UNC `file://server/share`
 * keeps its server. Remote URIs (`vscode-remote://ssh-remote+box/home/u/proj`) give the path
 * on the remote machine, which is where the project is.
 */
export function uriToPath(uri: string, platform: string): string | null {
  const m = URI.exec(uri);
  if (m === null) return null;
  const scheme = (m[1] as string).toLowerCase();
  const authority = m[2] as string;
  let path = decode(m[3] as string);
  if (path === '') return null;
  if (/^\/[A-Za-z]:/.test(path)) path = path.slice(1);
  if (scheme === 'file' && authority !== '' && authority !== 'localhost') path = `//${decode(authority)}${path}`;
  if (platform === 'win32') path = path.replace(/\//g, '\\');
  return path;
}

/** Where Windows or POSIX paths end: the folder that holds a `.code-workspace` file. */
function parentOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? path : path.slice(0, cut);
}

/**
 * The project of a chat session file: the workspace folder named by the sibling
 * `workspaceStorage/<hash>/workspace.json` (`folder`), or for a multi-root workspace
 * (`workspace`, a `.code-workspace` file) the folder that contains that file. Empty-window
 * chats, and workspaces without a readable `workspace.json`, have no project.
 */
export async function workspaceProject(chatFile: string, platform: string): Promise<WorkspaceProject> {
  const sessionsDir = dirname(chatFile);
  if (basename(sessionsDir) !== 'chatSessions') return { projectPath: null, problem: null };
  const file = join(dirname(sessionsDir), 'workspace.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { projectPath: null, problem: null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { projectPath: null, problem: `${file} is not valid JSON` };
  }
  if (!isRecord(parsed)) return { projectPath: null, problem: `${file} is not a JSON object` };
  const folder = parsed['folder'];
  if (typeof folder === 'string') {
    const path = uriToPath(folder, platform);
    return path === null
      ? { projectPath: null, problem: `${file}: folder is not a URI` }
      : { projectPath: path, problem: null };
  }
  const workspace = parsed['workspace'];
  if (typeof workspace === 'string') {
    const path = uriToPath(workspace, platform);
    return path === null
      ? { projectPath: null, problem: `${file}: workspace is not a URI` }
      : { projectPath: parentOf(path), problem: null };
  }
  return { projectPath: null, problem: null };
}
