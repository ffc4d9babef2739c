// The config loader lives in @rimuru/app-runtime, shared with the TUI; the CLI's modules keep
// importing it from here. The schema (zod) is not re-exported: `config set` imports it from
// its own entry, so commands that only read the config never load zod.
export { configPath, loadConfig, type RimuruConfig } from '@rimuru/app-runtime';
