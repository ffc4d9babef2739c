const count = (n: number) => n.toLocaleString('en-US');

/** "showing 50 of 1,452 (--limit)" when a listing was cut at its limit; null when it shows everything. */
export function cutNotice(shown: number, total: number): string | null {
  return total > shown ? `showing ${count(shown)} of ${count(total)} (--limit)` : null;
}
