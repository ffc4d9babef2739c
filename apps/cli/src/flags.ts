import { Flags } from '@oclif/core';
import { RANGE_NAMES } from '@rimuru/core';

/** Flags shared by several commands, defined once so help and parsing agree everywhere. */
export const agentTypeFlag = Flags.string({
  description:
    'Only this agent type (a built-in one such as claude-code, codex, gemini-cli, opencode — see `rimuru agents` — or a plugin type); repeatable',
  multiple: true,
});

function rangeFlag(defaultRange: string) {
  return Flags.string({
    description: `Time range: ${RANGE_NAMES.join(', ')}`,
    options: [...RANGE_NAMES],
    default: defaultRange,
  });
}

/** --range with --since and --until beside it (they narrow it; alone they mean from/until then). */
export function rangeFlags(defaultRange: string) {
  return {
    range: rangeFlag(defaultRange),
    since: Flags.string({
      description: 'From this day (YYYY-MM-DD or YYYYMMDD, local) or instant; narrows --range (alone: up to now)',
    }),
    until: Flags.string({ description: 'To this day (inclusive, local) or instant; narrows --range' }),
  };
}

export function limitFlag(defaultLimit: number) {
  return Flags.integer({ description: 'Most rows to show', min: 1, default: defaultLimit });
}

/** `--json`, as ccusage users type it: the same as `--format json`. */
export const jsonFlag = Flags.boolean({ description: 'Same as --format json', default: false, helpGroup: 'GLOBAL' });

/** `--wide`: every table column at full width, whatever the terminal's width. */
export const wideFlag = Flags.boolean({
  description: 'Show every table column at full width (tables otherwise fit the terminal; piped output is always full)',
  default: false,
  helpGroup: 'GLOBAL',
});

/** The orders of a session listing (the store's SessionSort), each biggest or newest first. */
export const SESSION_SORTS = ['started', 'duration', 'tokens', 'cost'] as const;

/** `--host`: one machine's share of a team server (the host each session was recorded on); repeatable. */
export const hostFlag = Flags.string({
  description: 'Only sessions recorded on this machine (on a team server: the host that pushed them); repeatable',
  multiple: true,
});
