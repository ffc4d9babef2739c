import { Flags, type Command } from '@oclif/core';
import { bundledPriceTable, priceOverridesFromConfig, type DatedPriceBook, type DatedPriceRow } from '@rimuru/core';
import { loadPriceBook } from '@rimuru/sync/prices';
import { BaseCommand } from './base-command.js';
import { jsonFlag, wideFlag } from './flags.js';
import { openRuntime, type Runtime } from './runtime.js';

/** Commands that use the store without syncing agent data first (price commands). */
export abstract class StoreCommand<T extends typeof Command> extends BaseCommand<T> {
  static override baseFlags = {
    ...BaseCommand.baseFlags,
    format: Flags.string({
      description: 'Output format',
      options: ['table', 'json'],
      default: 'table',
      helpGroup: 'GLOBAL',
    }),
    wide: wideFlag,
    json: jsonFlag,
  };

  private runtime: Runtime | null = null;

  protected get json(): boolean {
    return (this.flags as Record<string, unknown>).format === 'json';
  }

  protected async open(): Promise<Runtime> {
    this.runtime = await openRuntime((this.flags as Record<string, unknown>).db as string | undefined);
    return this.runtime;
  }

  protected override storeLocation(): string | undefined {
    return this.runtime?.location;
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    await this.runtime?.store.close();
    await super.finally(error);
  }
}

/** The store's dated prices with the config's overrides on top. */
export function runtimePriceBook(runtime: Runtime): Promise<{ book: DatedPriceBook; rows: DatedPriceRow[] }> {
  return loadPriceBook(runtime.store, bundledPriceTable(), priceOverridesFromConfig(runtime.config.prices));
}
