/**
 * The connection string handed to node-postgres. A URL that names an `sslmode` gets libpq's
 * meaning of it (`require` encrypts without checking the certificate; `verify-ca` and
 * `verify-full` check it), as every other PostgreSQL client and hosting provider expects.
 * Without `uselibpqcompat` the driver treats `require` as `verify-full` and prints a multi-line
 * warning to stderr on every connection.
 */
export function pgConnectionString(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.searchParams.has('sslmode') || parsed.searchParams.has('uselibpqcompat')) return url;
  return `${url}${url.includes('?') ? '&' : '?'}uselibpqcompat=true`;
}
