import { baseName } from '@rimuru/adapters-pi';

/**
 * OpenClaw keeps a session in `<uuid>.jsonl` and, on `/new` or deletion, renames it to
 * `<uuid>.jsonl.reset.<ts>` or `<uuid>.jsonl.deleted.<ts>`; those archives still hold billed calls.
 */
export const SESSION_FILE_PATTERNS = [
  'agents/*/sessions/**/*.jsonl',
  'agents/*/sessions/**/*.jsonl.reset.*',
  'agents/*/sessions/**/*.jsonl.deleted.*',
];

/** The session id of a live file or an archive: the name before `.jsonl` (so both name one session). */
export function openclawSessionIdFromPath(path: string): string {
  const name = baseName(path);
  const cut = name.indexOf('.jsonl');
  return cut > 0 ? name.slice(0, cut) : name;
}
