import { StoreError, isRimuruError } from '@rimuru/core';

const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
};

/** SQLSTATE classes of a server that answered but refused us. */
const AUTH_SQLSTATES = new Set(['28000', '28P01']);

/** What Prisma's pg driver adapter reports a connect failure as, in the pg driver's own codes. */
const ADAPTER_KINDS: Record<string, string> = {
  DatabaseNotReachable: 'ECONNREFUSED',
  SocketTimeout: 'ETIMEDOUT',
  AuthenticationFailed: '28P01',
  DatabaseDoesNotExist: '3D000',
};

/** The driver's error under Prisma's wrapper (`meta.driverAdapterError.cause`), as a pg-style code. */
function adapterCode(error: object): string | undefined {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } }).meta
    ?.driverAdapterError?.cause;
  if (cause === undefined) return undefined;
  if (typeof cause.code === 'string') return cause.code;
  return typeof cause.kind === 'string' ? ADAPTER_KINDS[cause.kind] : undefined;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const wrapped = adapterCode(error);
  if (wrapped !== undefined) return wrapped;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node's happy-eyeballs connect reports an AggregateError of per-address failures.
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested)) return nested.map(errorCode).find((c) => c !== undefined);
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

function scrub(text: string, secret: string | null): string {
  return secret !== null && secret !== '' ? text.split(secret).join('***') : text;
}

function passwordOf(url: string): string | null {
  try {
    const password = new URL(url).password;
    return password === '' ? null : decodeURIComponent(password);
  } catch {
    return null;
  }
}

/**
 * Turns a PostgreSQL connection failure into a one-line StoreError that names the server
 * (password masked) and never repeats the password, whatever the driver's message says.
 */
export function postgresConnectError(error: unknown, url: string, location: string): StoreError {
  if (isRimuruError(error) && error instanceof StoreError) return error;
  const secret = passwordOf(url);
  const code = errorCode(error);
  const message = error instanceof Error ? scrub(firstLine(error.message), secret) : 'unknown error';
  if (code !== undefined && AUTH_SQLSTATES.has(code)) {
    return new StoreError('DB_AUTH', `PostgreSQL at ${location} refused the credentials: ${message}`, {
      suggestions: ['Check the user and password in the database URL.'],
    });
  }
  if (code === '3D000') {
    return new StoreError('DB_UNREACHABLE', `PostgreSQL at ${location}: ${message}`, {
      suggestions: ['Create the database first, or fix its name in the URL.'],
    });
  }
  const reason =
    (code !== undefined ? UNREACHABLE_CODES[code] : undefined) ??
    (/timeout|timed out/i.test(message) ? 'connection timed out' : undefined) ??
    (/terminated|closed|ended/i.test(message) ? `connection lost (${message})` : undefined);
  if (reason !== undefined) {
    return new StoreError('DB_UNREACHABLE', `Cannot reach PostgreSQL at ${location}: ${reason}.`, {
      suggestions: ['Is the server running and reachable? Check the host and port in the database URL.'],
    });
  }
  return new StoreError('DB_ERROR', `PostgreSQL at ${location} failed: ${message}`);
}

/** A SQLite failure while opening: corrupt or not a database → DB_CORRUPT, else DB_ERROR. */
export function sqliteOpenError(error: unknown, path: string): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? firstLine(error.message) : String(error);
  if (/not a database|malformed|SQLITE_NOTADB|SQLITE_CORRUPT/i.test(`${errorCode(error) ?? ''} ${message}`)) {
    return new StoreError('DB_CORRUPT', `The store at ${path} is not a readable SQLite database: ${message}`);
  }
  return new StoreError('DB_ERROR', `Cannot open the store at ${path}: ${message}`, { cause: error });
}
