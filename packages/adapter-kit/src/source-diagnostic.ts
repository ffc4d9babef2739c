import type { AdapterDiagnostic } from '@rimuru/core';

/** A warning about one line (or the whole source when `line` is null), the message prefixed with where. */
export function lineWarning(line: number | null, code: string, message: string): AdapterDiagnostic {
  const where = line === null ? '' : `line ${line}: `;
  return { type: 'diagnostic', severity: 'warning', code, message: `${where}${message}`, line };
}

/** The one error an unreadable source yields (vanished between discovery and read, no permission). */
export function unreadableSource(error: unknown): AdapterDiagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return { type: 'diagnostic', severity: 'error', code: 'unreadable-source', message: reason, line: null };
}
