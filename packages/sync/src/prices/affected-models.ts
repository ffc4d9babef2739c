import type { DatedPriceBook } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';

/** Every model name the store's usage records carry. */
export async function usedModels(store: SessionStore): Promise<string[]> {
  return (await store.usage.breakdown({ groupBy: 'model' })).map((g) => g.group).filter((m): m is string => m !== null);
}

/**
 * Models whose records may price differently under `after` than under `before`, once rows of
 * the `written` keys were added: a name that now resolves elsewhere, or to a key with new rows.
 */
export function affectedModels(
  models: readonly string[],
  before: DatedPriceBook,
  after: DatedPriceBook,
  written: ReadonlySet<string>,
): string[] {
  return models.filter((m) => {
    const b = before.resolve(m);
    const a = after.resolve(m);
    if (a.key !== b.key) return true;
    return a.key !== null && !a.override && written.has(a.key);
  });
}
