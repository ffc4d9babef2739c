import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { machineEnv, rimuru, rimuruJson } from './cli.mjs';
import { MONTH_SHAPE, writeMonthHome } from './month-home.mjs';

/** Bump when the template's recipe changes: cached machine stores derive from it. */
const TEMPLATE_VERSION = 1;
const TEMPLATE = { version: TEMPLATE_VERSION, seed: 9101, start: '2026-01-05T00:00:00.000Z', shape: MONTH_SHAPE };

/**
 * The template month: a generated month home read by the real `rimuru sync` into a store,
 * then `rimuru db export`ed. Every machine-month of the bench is this history re-keyed and
 * moved in time (machine-history.mjs), so the fill costs an import per machine instead of a
 * sync of 12 generated homes. Cached under `dir` until the recipe changes.
 */
export async function ensureTemplate(dir) {
  const file = join(dir, 'template.ndjson');
  const markerPath = join(dir, 'template.json');
  if (existsSync(markerPath) && existsSync(file)) {
    const marker = JSON.parse(await readFile(markerPath, 'utf8'));
    if (JSON.stringify(marker.recipe) === JSON.stringify(TEMPLATE)) return { file, ...marker };
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const home = join(dir, 'home');
  const work = join(dir, 'work');
  await writeMonthHome(home, { seed: TEMPLATE.seed, start: TEMPLATE.start });
  const env = machineEnv(work, 'template', home);
  const sync = await rimuruJson(['sync'], env);
  await rimuru(['db', 'export', file], env);
  await rm(home, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
  const marker = { recipe: TEMPLATE, usageRecords: sync.json.usageInserted, syncMs: Math.round(sync.wallMs) };
  await writeFile(markerPath, `${JSON.stringify(marker, null, 2)}\n`);
  return { file, ...marker };
}
