import type { ReadSettings } from '../read-command.js';

/**
 * What every answer needs to know besides the question: the zone for dates and ranges, the
 * cost mode, the active window and the instant the answer is for. The CLI takes them from its
 * flags and config; the MCP server from a tool's arguments, its own flags and the config.
 */
export type AnswerSettings = Pick<ReadSettings, 'zone' | 'costMode' | 'activeWindowMs' | 'now'>;
