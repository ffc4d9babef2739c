/** Stable error codes: scripts may rely on them. */
export type RimuruErrorCode =
  | 'USAGE'
  | 'INVALID_RANGE'
  | 'INVALID_TIMEZONE'
  | 'INVALID_DATE'
  | 'NOT_FOUND'
  | 'AMBIGUOUS_ID'
  | 'DB_UNREACHABLE'
  | 'DB_AUTH'
  | 'DB_NEWER_VERSION'
  | 'DB_CORRUPT'
  | 'DB_ERROR'
  | 'SOURCE_ERROR'
  | 'CONFIG_ERROR'
  | 'INTERNAL';

export interface RimuruErrorOptions {
  suggestions?: string[];
  cause?: unknown;
}

/** The one error hierarchy of Rimuru; rendered once by the CLI's base command and the TUI root. */
export class RimuruError extends Error {
  readonly code: RimuruErrorCode;
  readonly exitCode: number;
  readonly suggestions: string[];

  constructor(code: RimuruErrorCode, message: string, exitCode = 1, options: RimuruErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.suggestions = options.suggestions ?? [];
  }
}

/** Wrong flags, arguments or values: exit code 2. */
export class UsageError extends RimuruError {
  constructor(message: string, options: RimuruErrorOptions & { code?: RimuruErrorCode } = {}) {
    super(options.code ?? 'USAGE', message, 2, options);
  }
}

/** A session id or prefix that matches nothing (exit 1) or several sessions (exit 2). */
export class NotFoundError extends RimuruError {
  constructor(message: string, options: RimuruErrorOptions = {}) {
    super('NOT_FOUND', message, 1, options);
  }
}

export class AmbiguousIdError extends RimuruError {
  readonly candidates: string[];
  constructor(message: string, candidates: string[]) {
    super('AMBIGUOUS_ID', message, 2, { suggestions: candidates });
    this.candidates = candidates;
  }
}

/** The store cannot be opened, reached or used. */
export class StoreError extends RimuruError {
  constructor(code: Extract<RimuruErrorCode, `DB_${string}`>, message: string, options: RimuruErrorOptions = {}) {
    super(code, message, 1, options);
  }
}

/** A broken invariant (a bug, not bad input): reported with its message like any other error. */
export class InternalError extends RimuruError {
  constructor(message: string, options: RimuruErrorOptions = {}) {
    super('INTERNAL', message, 1, options);
  }
}

/** An error's code (Node's and the drivers' are strings) and message as one text, to match wordings against. */
export function errorCodeAndMessage(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return `${typeof code === 'string' ? code : ''} ${typeof message === 'string' ? message : ''}`;
}

export function isRimuruError(error: unknown): error is RimuruError {
  return error instanceof RimuruError;
}
