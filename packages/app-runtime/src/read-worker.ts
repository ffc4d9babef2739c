// The entry of Rimuru's read worker threads (`@rimuru/app-runtime/read-worker`): the sync
// engine's worker host, finding each source's adapter in the registry of built-in adapters.
// An app passes this module's URL to `syncAll` (`readWorkers.entry`): the TUI resolves it by
// package name; the CLI bundles it as `dist/read-worker.js` (apps/cli/scripts/bundle.mjs).
// Plugin adapters, which no registry here knows, name a module the host imports itself.
// Its export has no `@rimuru/source` condition: a worker runs plain Node, so even under a test
// runner the entry is this module built (dist/read-worker.js).
import { serveReadWorker } from '@rimuru/sync/read-worker-host';
import { builtinAdapter } from './builtin-adapters.js';

// Only adapters that declare their read safe off the main thread: a worker has no other ctx.
serveReadWorker((agentType) => {
  const adapter = builtinAdapter(agentType);
  return adapter?.readsOffThread === true ? adapter : null;
});
