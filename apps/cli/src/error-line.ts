import { Errors } from '@oclif/core';
import { isRimuruError } from '@rimuru/core';
import { parseErrorLine, type CommandContext } from './parse-error-line.js';
import { corruptStoreLine, systemFailureLine } from './system-errors.js';

export interface RenderedError {
  line: string;
  exitCode: number;
  suggestions: string[];
}

/**
 * Turns any error into the single line a user sees and the exit code scripts rely on:
 * 2 for usage errors (bad flags, bad values, ambiguous ids), 1 for everything else.
 */
export function renderError(error: unknown, context: CommandContext = {}): RenderedError {
  const corrupt = corruptStoreLine(error, context.storeLocation);
  if (corrupt !== null) return { line: corrupt, exitCode: 1, suggestions: [] };
  if (isRimuruError(error)) {
    return { line: firstLine(error.message), exitCode: error.exitCode, suggestions: error.suggestions };
  }
  if (error instanceof Errors.CLIError) {
    const exit = error.oclif?.exit;
    const exitCode = exit === 2 || isParseError(error) ? 2 : typeof exit === 'number' ? exit : 1;
    const suffix = exitCode === 2 ? ' (see --help)' : '';
    const line = (exitCode === 2 ? parseErrorLine(error, context) : null) ?? firstLine(error.message);
    return { line: `${line}${suffix}`, exitCode, suggestions: [] };
  }
  const system = systemFailureLine(error);
  if (system !== null) return { line: system, exitCode: 1, suggestions: [] };
  const message = error instanceof Error ? error.message : String(error);
  return { line: `Unexpected error: ${firstLine(message)}`, exitCode: 1, suggestions: [] };
}

function isParseError(error: Error): boolean {
  return /Nonexistent flag|Unexpected argument|Expected .* to be one of|Missing required|Parsing --|flag .* expects|is not a valid/i.test(
    error.message,
  );
}

function firstLine(message: string): string {
  const line = message.split('\n').find((l) => l.trim().length > 0) ?? message;
  return line.trim();
}
