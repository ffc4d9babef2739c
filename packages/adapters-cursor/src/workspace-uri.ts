import { posix, win32 } from 'node:path';

const DRIVE_PATH = /^\/[A-Za-z]:(\/|$)/;

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The local path a VS Code-style resource URI names, percent-decoded. `file:` URIs give the
 * file path (a drive letter makes it a Windows path, whatever machine reads it; a host makes
 * it a UNC path); `vscode-remote:` URIs (SSH, WSL, containers) give the path on the remote
 * side. Other schemes and unparsable text give null.
 */
export function uriToPath(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'file:' && url.protocol !== 'vscode-remote:') return null;
  const pathname = decode(url.pathname);
  if (pathname === null || pathname === '') return null;
  if (url.protocol === 'file:' && url.host !== '') {
    return `\\\\${decode(url.host) ?? url.host}${pathname.replaceAll('/', '\\')}`;
  }
  if (url.protocol === 'file:' && DRIVE_PATH.test(pathname)) {
    const windows = pathname.slice(1).replaceAll('/', '\\');
    return windows.length > 3 ? windows.replace(/\\+$/, '') : windows.length === 2 ? `${windows}\\` : windows;
  }
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

function isWindowsPath(path: string): boolean {
  return /^[A-Za-z]:\\/.test(path) || path.startsWith('\\\\');
}

/**
 * The project folder of a workspace from its `workspace.json`: `folder` is the folder itself;
 * `workspace` names a `.code-workspace` file, whose containing folder is the project (design
 * §3). Anything else (empty windows, unknown shapes) has no project.
 */
export function projectPathFromWorkspaceJson(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const record = json as Record<string, unknown>;
  if (typeof record['folder'] === 'string') return uriToPath(record['folder']);
  if (typeof record['workspace'] === 'string') {
    const file = uriToPath(record['workspace']);
    if (file === null) return null;
    return isWindowsPath(file) ? win32.dirname(file) : posix.dirname(file);
  }
  return null;
}
