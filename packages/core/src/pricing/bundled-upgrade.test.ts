import { describe, expect, it } from 'vitest';
import { BUNDLED_PRICES_SOURCE } from './bundled.js';
import { bundledSnapshotDate, planBundledUpgrade, priceOriginLabel } from './bundled-upgrade.js';
import type { DatedPriceRow } from './dated-price-book.js';
import { createModelPrice } from './model-price.js';
import { createPriceTable } from './price-table.js';

const p = (input: string) => createModelPrice({ input, output: '0.00001' });
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const EPOCH = d('1970-01-01');
const OLD = d('2026-05-01');
const NEW = d('2026-07-24');
const row = (
  model: string,
  validFrom: Date,
  input: string,
  source = 'bundled',
  sourceDate: Date | null = OLD,
): DatedPriceRow => ({
  model,
  validFrom,
  price: p(input),
  source,
  sourceDate,
});

describe('bundledSnapshotDate', () => {
  it('reads the date of the shipped snapshot, and none from a label without one', () => {
    expect(bundledSnapshotDate(BUNDLED_PRICES_SOURCE)).toEqual(d('2026-07-24'));
    expect(bundledSnapshotDate('litellm snapshot 2026-02-30')).toBeNull();
    expect(bundledSnapshotDate('test prices')).toBeNull();
  });
});

describe('planBundledUpgrade', () => {
  const stored = [
    row('same', EPOCH, '0.000001'),
    row('changed', EPOCH, '0.000002'),
    row('synced', EPOCH, '0.000003'),
    row('synced', d('2026-06-15'), '0.0000031', 'litellm', d('2026-06-15')),
    row('synced-later', EPOCH, '0.000004'),
    row('synced-later', d('2026-09-01'), '0.0000041', 'litellm', d('2026-09-01')),
    row('synced-only', d('2026-06-01'), '0.000005', 'litellm', d('2026-06-01')),
    row('dropped-from-snapshot', EPOCH, '0.000006'),
  ];
  const snapshot = createPriceTable(
    new Map([
      ['same', p('0.000001')],
      ['changed', p('0.0000025')],
      ['synced', p('0.0000032')],
      ['synced-later', p('0.0000042')],
      ['synced-only', p('0.0000052')],
      ['brand-new', p('0.000007')],
    ]),
    'litellm snapshot 2026-07-24',
  );

  it('adds new models from 1970 and changed bundled prices from the snapshot date; synced prices in force win', () => {
    const plan = planBundledUpgrade(stored, snapshot, NEW);
    expect(plan.added).toEqual(['brand-new']);
    // `synced` is priced by its synced row on the snapshot's date: left alone. `synced-later`
    // is still bundled then: its new bundled row applies until the sync's own row.
    expect(plan.changed).toEqual(['changed', 'synced-later']);
    expect(plan.write).toEqual([
      { model: 'brand-new', validFrom: EPOCH, price: p('0.000007'), source: 'bundled', sourceDate: NEW },
      { model: 'changed', validFrom: NEW, price: p('0.0000025'), source: 'bundled', sourceDate: NEW },
      { model: 'synced-later', validFrom: NEW, price: p('0.0000042'), source: 'bundled', sourceDate: NEW },
    ]);
  });

  it('adds nothing for a snapshot no newer than the store’s newest bundled row', () => {
    expect(planBundledUpgrade(stored, snapshot, OLD).write).toEqual([]);
    const upgraded = [...stored, ...planBundledUpgrade(stored, snapshot, NEW).write];
    expect(planBundledUpgrade(upgraded, snapshot, NEW).write).toEqual([]);
    // An older Rimuru's snapshot on a store a newer one upgraded.
    expect(planBundledUpgrade(upgraded, snapshot, d('2026-06-01')).write).toEqual([]);
  });
});

describe('priceOriginLabel', () => {
  it('says where a price came from and since when', () => {
    expect(priceOriginLabel('bundled', NEW)).toBe('bundled 2026-07-24');
    expect(priceOriginLabel('litellm', new Date('2026-11-30T17:04:00.000Z'))).toBe('LiteLLM sync 2026-11-30');
    expect(priceOriginLabel('user', null)).toBe('your override');
    expect(priceOriginLabel('bundled', null)).toBe('bundled');
  });
});
