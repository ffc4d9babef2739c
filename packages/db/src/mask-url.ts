/** A connection URL safe to show: the password (if any) replaced by `***`. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not parseable as a URL: mask anything between `user:` and `@` by hand.
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}
