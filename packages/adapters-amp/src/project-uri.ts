/**
 * The local folder a workspace tree URI names (`env.initial.trees[].uri`, e.g.
 * `file:///home/me/app` or `file:///c%3A/Users/me/app`), or null for other schemes
 * (remote trees) and malformed URIs. Decoded by hand rather than with `fileURLToPath`, whose
 * result depends on the platform Rimuru runs on, not the one Amp ran on.
 */
export function projectPathOfUri(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'file:') return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.host !== '') return `//${url.host}${path}`;
  // `/c:/Users/me` is a Windows drive path.
  if (/^\/[A-Za-z]:(\/|$)/.test(path)) path = path.slice(1).replace(/\//g, '\\');
  if (path.length > 1 && (path.endsWith('/') || path.endsWith('\\'))) path = path.slice(0, -1);
  return path === '' ? null : path;
}
