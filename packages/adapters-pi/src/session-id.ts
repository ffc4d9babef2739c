/** The last component of a path written on any OS (a header may name a Windows path on Linux). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/**
 * pi names a session file `<ISO-ts>_<uuid>.jsonl`, the uuid being the header's session id;
 * the id is what follows the first `_` of the stem (ccusage's rule), or the whole stem.
 */
export function piSessionIdFromPath(path: string): string {
  const name = baseName(path);
  const stem = name.endsWith('.jsonl') ? name.slice(0, -'.jsonl'.length) : name;
  const cut = stem.indexOf('_');
  const id = cut >= 0 ? stem.slice(cut + 1) : stem;
  return id === '' ? stem : id;
}
