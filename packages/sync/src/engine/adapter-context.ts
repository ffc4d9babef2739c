import { homedir, platform } from 'node:os';
import type { AdapterContext, Logger } from '@rimuru/core';

export interface AdapterContextOptions {
  env?: Readonly<Record<string, string | undefined>>;
  homeDir?: string;
  now?: () => Date;
  logger?: Logger;
}

const SILENT: Logger = { debug: () => {}, warn: () => {} };

/** The real machine's context; every part can be replaced (tests point HOME at a fixture). */
export function createAdapterContext(options: AdapterContextOptions = {}): AdapterContext {
  const env = options.env ?? process.env;
  return {
    homeDir: options.homeDir ?? env.HOME ?? homedir(),
    env,
    platform: platform(),
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? SILENT,
  };
}
