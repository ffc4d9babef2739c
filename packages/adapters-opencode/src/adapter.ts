import { basename, sep } from 'node:path';
import type { AdapterContext, AdapterEvent, AgentAdapter, SourceRef } from '@rimuru/core';
import { discoverStoreSources, hasStoreData } from './discover.js';
import { readLegacyMessage, readLegacySession } from './read-legacy.js';
import { readStoreDb } from './read-store-db.js';
import { storeRoots } from './roots.js';
import { isStoreDb, OPENCODE_STORE, type StoreConfig } from './store-config.js';

function readSource(config: StoreConfig, source: SourceRef): AsyncIterable<AdapterEvent> {
  if (isStoreDb(config, basename(source.path))) return readStoreDb(source.path, config);
  if (source.path.includes(`${sep}storage${sep}session${sep}`)) return readLegacySession(source.path);
  return readLegacyMessage(source.path, config);
}

/**
 * An adapter for an agent of the OpenCode family: the SQLite store (`<name>.db` and release
 * channels) and the legacy JSON tree under one data directory, as snapshot sources. Kilo CLI is
 * the same reader with another configuration.
 */
export function createOpenCodeFamilyAdapter(config: StoreConfig): AgentAdapter {
  return {
    id: config.id,
    label: config.label,
    detect: (ctx: AdapterContext) => hasStoreData(config, ctx),
    roots: (ctx: AdapterContext) => storeRoots(config, ctx),
    discover: (ctx: AdapterContext) => discoverStoreSources(config, ctx),
    read: (source: SourceRef) => readSource(config, source),
    // Its read uses only the context's data and logger: the engine may run it in a worker thread.
    readsOffThread: true,
  };
}

export const opencodeAdapter: AgentAdapter = createOpenCodeFamilyAdapter(OPENCODE_STORE);
