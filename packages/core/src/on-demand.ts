import { createRequire } from 'node:module';
import type * as Luxon from 'luxon';
import type * as Uuid from 'uuid';
import type { z as Zod } from 'zod';

// core's three dependencies cost more to import than core itself: zod ~100 ms (some 90
// modules), uuid ~25 ms (20 modules and node:crypto), luxon ~15 ms; every program importing
// @rimuru/core paid all three at start-up, though most of its functions need none of them
// (`rimuru sessions stats --range all` needs none). ES modules have no synchronous import on
// demand and these functions are synchronous, so each dependency is require()d (its CommonJS
// build) the first time a function needs it.
const require = createRequire(import.meta.url);

let zod: typeof Zod | undefined;
let uuid: typeof Uuid | undefined;
let luxonModule: typeof Luxon | undefined;

/** zod's `z`: only parsing a downloaded price file needs it. */
export function lazyZod(): typeof Zod {
  zod ??= (require('zod') as { z: typeof Zod }).z;
  return zod;
}

/** uuid: only new session ids need it. */
export function lazyUuid(): typeof Uuid {
  uuid ??= require('uuid') as typeof Uuid;
  return uuid;
}

/** luxon: calendar arithmetic and local date formatting. */
export function lazyLuxon(): typeof Luxon {
  luxonModule ??= require('luxon') as typeof Luxon;
  return luxonModule;
}
