// The config schema and loader live in @rimuru/app-runtime, shared with the TUI; the CLI's
// modules keep importing them from here.
export { configPath, configSchema, loadConfig, priceOverrideSchema, type RimuruConfig } from '@rimuru/app-runtime';
