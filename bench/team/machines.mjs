import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { machineEnv, rimuru } from './cli.mjs';
import { loadTemplate, writeMachineExport } from './machine-history.mjs';

/** Bump when how a machine's history is written changes (machine-history.mjs): cached stores are rebuilt. */
const STORE_VERSION = 2;

/** `dev-01` … `dev-50`: the host each simulated machine records and pushes as. */
export const hostOf = (index) => `dev-${String(index + 1).padStart(2, '0')}`;

/**
 * One SQLite store per machine, filled through the product's bulk path: its history is
 * written as an export (machine-history.mjs) and loaded with `rimuru db import`. Machine 0
 * gets every month but the newest, which it later syncs from generated agent files (the
 * incremental push). Stores are cached per (template, anchor day, months): a re-run only pushes.
 */
export async function ensureMachineStores({ cacheDir, template, anchor, machines, months, jobs, log }) {
  const dir = join(
    cacheDir,
    `stores-${new Date(anchor).toISOString().slice(0, 10)}-${months}m-v${template.recipe.version}.${STORE_VERSION}`,
  );
  await mkdir(dir, { recursive: true });
  let loaded = null;
  const stores = [];
  const todo = [];
  for (let index = 0; index < machines; index += 1) {
    const host = hostOf(index);
    const store = { index, host, path: join(dir, `${host}.db`), marker: join(dir, `${host}.json`) };
    stores.push(store);
    if (existsSync(store.marker) && existsSync(store.path))
      Object.assign(store, JSON.parse(await readFile(store.marker, 'utf8')));
    else todo.push(store);
  }
  const build = async (store) => {
    loaded ??= loadTemplate(template.file);
    const monthIndexes = Array.from({ length: store.index === 0 ? months - 1 : months }, (_, k) => k);
    const exportFile = `${store.path}.ndjson`;
    const started = Date.now();
    const counts = await writeMachineExport(await loaded, exportFile, {
      host: store.host,
      index: store.index,
      anchor,
      months,
      monthIndexes,
    });
    await rm(store.path, { force: true });
    const imported = await rimuru(
      ['db', 'import', exportFile, '--db', store.path],
      machineEnv(join(dir, 'work'), store.host),
    );
    await rm(exportFile, { force: true });
    const facts = {
      usageRecords: counts.usage_records ?? 0,
      sessions: counts.sessions ?? 0,
      months: monthIndexes.length,
      importMs: Math.round(imported.wallMs),
    };
    Object.assign(store, facts);
    await writeFile(store.marker, `${JSON.stringify(facts)}\n`);
    log(
      `machine ${store.host}: ${facts.usageRecords} records, ${facts.sessions} sessions imported in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  };
  const queue = [...todo];
  await Promise.all(
    Array.from({ length: Math.max(1, jobs) }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await build(next);
    }),
  );
  return stores;
}
