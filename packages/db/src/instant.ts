import { StoreError } from '@rimuru/core';

/** An ISO-8601 instant from an adapter event; a malformed one is a bug upstream, not data to store. */
export function parseInstant(iso: string, what: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new StoreError('DB_ERROR', `Invalid ${what} instant: ${JSON.stringify(iso)}`);
  return date;
}
