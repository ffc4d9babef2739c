import { Args, Flags } from '@oclif/core';
import { HOOK_AGENTS } from './hook-targets.js';

export const hookAgentArg = {
  agent: Args.string({ description: 'Agent whose settings to edit', options: [...HOOK_AGENTS], required: true }),
};

export const settingsFlag = {
  settings: Flags.string({ description: "Path of the agent's settings file (default: the agent's own location)" }),
  format: Flags.string({ description: 'Output format', options: ['table', 'json'], default: 'table' }),
};
