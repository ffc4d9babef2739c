// @module-tag built
// @module-tag postgres
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED_PRICES_SOURCE } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { CLI_BACKENDS, useCliMachine } from './cli-harness.js';

/** `models list|show` say where each price came from and since when. */
const SNAPSHOT_DAY = /\d{4}-\d{2}-\d{2}/.exec(BUNDLED_PRICES_SOURCE)![0];

interface ListRow {
  model: string;
  source: string;
  origin: string;
  sourceDate: string | null;
}
interface ShowJson {
  key: string;
  override: { origin: string } | null;
  history: { validFrom: string; source: string; origin: string; sourceDate: string | null }[];
}

describe.each(CLI_BACKENDS)('price origins on $name', (backend) => {
  const machine = useCliMachine(backend);
  const { run, json } = machine;

  it('names the bundled snapshot, a LiteLLM sync with its day, and the user override', async () => {
    let list = await json<ListRow[]>('models', 'list');
    expect(list.find((r) => r.model === 'claude-sonnet-4-5')).toMatchObject({
      source: 'bundled',
      origin: `bundled ${SNAPSHOT_DAY}`,
      sourceDate: `${SNAPSHOT_DAY}T00:00:00.000Z`,
    });

    const file = join(machine.root, 'prices.json');
    await writeFile(
      file,
      JSON.stringify({
        'gpt-5': {
          input_cost_per_token: 0.0000012,
          output_cost_per_token: 0.00001,
          litellm_provider: 'openai',
          mode: 'chat',
        },
      }),
    );
    const before = new Date().toISOString().slice(0, 10);
    await run('models', 'sync', '--from', file, '--effective-from', '2026-01-01');
    const after = new Date().toISOString().slice(0, 10);
    list = await json<ListRow[]>('models', 'list');
    const synced = list.find((r) => r.model === 'gpt-5')!;
    // The day of the sync (not the day its prices apply from).
    expect([`LiteLLM sync ${before}`, `LiteLLM sync ${after}`]).toContain(synced.origin);

    const configDir = join(machine.home, '.config', 'rimuru');
    await mkdir(configDir, { recursive: true });
    await writeFile(
      join(configDir, 'config.json'),
      JSON.stringify({ prices: { 'claude-sonnet-4-5': { input: 2, output: 8 } } }),
    );
    list = await json<ListRow[]>('models', 'list');
    expect(list.find((r) => r.model === 'claude-sonnet-4-5')).toMatchObject({
      source: 'user',
      origin: 'your override',
      sourceDate: null,
    });

    const show = await json<ShowJson>('models', 'show', 'claude-sonnet-4-5');
    expect(show.override).toMatchObject({ origin: 'your override' });
    expect(show.history).toEqual([
      expect.objectContaining({ validFrom: '1970-01-01T00:00:00.000Z', origin: `bundled ${SNAPSHOT_DAY}` }),
    ]);
    const table = await run('models', 'show', 'claude-sonnet-4-5');
    expect(table).toContain('your override');
    expect(table).toContain(`bundled ${SNAPSHOT_DAY}`);
    expect(await run('models', 'list')).toContain(synced.origin);
  });
});
