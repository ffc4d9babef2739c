// The root entry is what every command needs before it reads the store: the config loader and
// the adapters' context. Two heavier pieces have their own entries, so importing this one
// loads neither: the config schema (zod; `./config-schema`) and the built-in adapters
// (every agent's reader; `./builtin-adapters`), which only a sync needs.
export { configPath, loadConfig, type RimuruConfig } from './config.js';
export { envWithConfigRoots } from './config-roots.js';
export { lookupAgents, type AgentLookup } from './agent-lookup.js';
export { loadAppContext, type AppContext } from './app-context.js';
export { resolveAppSettings, storeSelectionInput } from './app-settings.js';
export { budgetStatuses } from './budget-status.js';
export {
  hasPlans,
  planReturnLines,
  planReturnsAnswer,
  type PlanReturnJson,
  type PlanReturnsJson,
  type PlanReturnsStore,
} from './plan-returns.js';
