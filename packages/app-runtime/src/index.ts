export { configPath, configSchema, loadConfig, priceOverrideSchema, type RimuruConfig } from './config.js';
export { envWithConfigRoots } from './config-roots.js';
export { loadAppContext, machineHost, type AppContext } from './app-context.js';
export { BUILTIN_ADAPTERS, builtinAdapter, builtinAdapters } from './builtin-adapters.js';
