import { Flags } from '@oclif/core';
import { RANGE_NAMES } from '@rimuru/core';

/** Flags shared by several commands, defined once so help and parsing agree everywhere. */
export const agentTypeFlag = Flags.string({
  description: 'Only this agent type (a built-in one such as claude-code, codex, gemini-cli, opencode — see `rimuru agents` — or a plugin type); repeatable',
  multiple: true,
});

export function rangeFlag(defaultRange: string) {
  return Flags.string({
    description: `Time range: ${RANGE_NAMES.join(', ')}`,
    options: [...RANGE_NAMES],
    default: defaultRange,
  });
}

export function limitFlag(defaultLimit: number) {
  return Flags.integer({ description: 'Most rows to show', min: 1, default: defaultLimit });
}
