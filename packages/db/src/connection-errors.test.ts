import { describe, expect, it } from 'vitest';
import { postgresConnectError, sqliteOpenError } from './connection-errors.js';
import { maskUrl } from './mask-url.js';

const URL_WITH_PW = 'postgresql://alice:p%40ss-word@db.example:5433/rimuru?sslmode=require';
const LOCATION = maskUrl(URL_WITH_PW);

function driverError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('maskUrl', () => {
  it('masks the password only', () => {
    expect(LOCATION).toBe('postgresql://alice:***@db.example:5433/rimuru?sslmode=require');
    expect(maskUrl('postgres://bob@host/db')).toBe('postgres://bob@host/db');
    expect(maskUrl('/home/a/rimuru.db')).toBe('/home/a/rimuru.db');
  });
});

describe('postgresConnectError', () => {
  it.each([
    ['ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:5433', 'connection refused'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND db.example', 'host not found'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN db.example', 'host name lookup failed'],
    ['ETIMEDOUT', 'connect ETIMEDOUT', 'connection timed out'],
  ])('%s → DB_UNREACHABLE', (code, message, reason) => {
    const e = postgresConnectError(driverError(code, message), URL_WITH_PW, LOCATION);
    expect(e.code).toBe('DB_UNREACHABLE');
    expect(e.message).toBe(`Cannot reach PostgreSQL at ${LOCATION}: ${reason}.`);
  });

  it('recognises the connect timeout and happy-eyeballs aggregate errors', () => {
    expect(
      postgresConnectError(new Error('Connection terminated due to connection timeout'), URL_WITH_PW, LOCATION).code,
    ).toBe('DB_UNREACHABLE');
    const aggregate = Object.assign(
      new AggregateError([driverError('ECONNREFUSED', 'a'), driverError('ECONNREFUSED', 'b')], ''),
      {},
    );
    expect(postgresConnectError(aggregate, URL_WITH_PW, LOCATION).code).toBe('DB_UNREACHABLE');
  });

  it('maps authentication failures to DB_AUTH and never repeats the password', () => {
    const e = postgresConnectError(
      driverError('28P01', 'password authentication failed for user "alice" (tried p@ss-word)\nDETAIL: more'),
      URL_WITH_PW,
      LOCATION,
    );
    expect(e.code).toBe('DB_AUTH');
    expect(e.message).not.toContain('p@ss-word');
    expect(e.message).not.toContain('\n');
    expect(e.message).toContain(LOCATION);
    expect(postgresConnectError(driverError('28000', 'no pg_hba.conf entry'), URL_WITH_PW, LOCATION).code).toBe(
      'DB_AUTH',
    );
  });

  it('names a missing database', () => {
    const e = postgresConnectError(driverError('3D000', 'database "rimuru" does not exist'), URL_WITH_PW, LOCATION);
    expect([e.code, e.message]).toEqual([
      'DB_UNREACHABLE',
      `PostgreSQL at ${LOCATION}: database "rimuru" does not exist`,
    ]);
  });

  it('anything else is DB_ERROR, still one line', () => {
    const e = postgresConnectError(
      driverError('42P01', 'relation "x" does not exist\nat line 2'),
      URL_WITH_PW,
      LOCATION,
    );
    expect([e.code, e.message]).toEqual(['DB_ERROR', `PostgreSQL at ${LOCATION} failed: relation "x" does not exist`]);
  });
});

describe('sqliteOpenError', () => {
  it('tells a corrupt file from other failures', () => {
    expect(sqliteOpenError(driverError('SQLITE_NOTADB', 'file is not a database'), '/x.db').code).toBe('DB_CORRUPT');
    expect(sqliteOpenError(driverError('SQLITE_CANTOPEN', 'unable to open database file'), '/x.db').code).toBe(
      'DB_ERROR',
    );
  });
});
