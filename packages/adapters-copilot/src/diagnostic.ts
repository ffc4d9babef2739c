import type { AdapterDiagnostic, DiagnosticCode } from '@rimuru/core';

/** A counted warning about one malformed record; the message names the line when known. */
export function warning(line: number | null, code: DiagnosticCode, message: string): AdapterDiagnostic {
  const where = line === null ? '' : `line ${line}: `;
  return { type: 'diagnostic', severity: 'warning', code, message: `${where}${message}`, line };
}

/** A source that could not be read at all (permissions, vanished, too large). */
export function sourceError(code: DiagnosticCode, message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'error', code, message, line: null };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
