import { afterEach, beforeEach } from 'vitest';
import { openStore } from '../open-store.js';
import type { SessionStore } from '../store.js';
import type { Backend, TestTarget } from './backends.js';

export interface StoreHarness {
  readonly store: SessionStore;
  readonly target: TestTarget;
  /** The injected clock: tests move it to see whether rows were rewritten. */
  clock: { now: Date };
}

/** A fresh, migrated store of `backend` for every test, closed and removed after it. */
export function useTestStore(backend: Backend): StoreHarness {
  const clock = { now: new Date('2025-06-01T00:00:00.000Z') };
  let store: SessionStore | undefined;
  let target: TestTarget | undefined;
  beforeEach(async () => {
    target = await backend.create();
    store = await openStore(target.target, { now: () => clock.now });
  });
  afterEach(async () => {
    await store?.close();
    await target?.cleanup();
    clock.now = new Date('2025-06-01T00:00:00.000Z');
  });
  return {
    get store() {
      if (store === undefined) throw new Error('store not open');
      return store;
    },
    get target() {
      if (target === undefined) throw new Error('target not created');
      return target;
    },
    clock,
  };
}
