import { isRecord, trimmedString } from '@rimuru/adapter-kit';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import type { Instant } from '@rimuru/adapter-kit';
import type { AdapterDiagnostic, AdapterEvent, TokenCounts } from '@rimuru/core';
import { gooseInstant } from './goose-time.js';
import { gooseTokens } from './goose-tokens.js';
import { counter } from './json-fields.js';
import { sessionEvents, type GooseSession } from './session-events.js';

function warning(line: number | null, code: string, message: string): AdapterDiagnostic {
  const where = line === null ? '' : `line ${line}: `;
  return { type: 'diagnostic', severity: 'warning', code, message: `${where}${message}`, line };
}

/** Cumulative counters of the metadata line: `accumulated_*`, else the older per-session `*_tokens`. */
function metadataTokens(meta: Record<string, unknown>): TokenCounts | null | 'invalid' {
  const input = counter(meta['accumulated_input_tokens'] ?? meta['input_tokens']);
  const output = counter(meta['accumulated_output_tokens'] ?? meta['output_tokens']);
  if (input === 'invalid' || output === 'invalid') return 'invalid';
  if (input === null && output === null) return null;
  return gooseTokens({ input: input ?? 0, output: output ?? 0, cacheRead: 0, cacheWrite: 0 });
}

/**
 * Parses a legacy Goose session file (`sessions/<id>.jsonl`, before `sessions.db`): the first
 * line is the session metadata `{working_dir, description, schedule_id?, message_count,
 * total_tokens, input_tokens, output_tokens, accumulated_total_tokens,
 * accumulated_input_tokens, accumulated_output_tokens, …}` with **cumulative** counters; every
 * other line is a message `{role, created (epoch s), content[]}`. Goose rewrote the whole file on
 * each save, so it is a snapshot source. A first line with a `role` is a message (Goose reads it
 * so too): such a file has no counters.
 */
export function parseLegacySession(
  text: string,
  id: string,
): { session: GooseSession; diagnostics: AdapterDiagnostic[] } {
  const diagnostics: AdapterDiagnostic[] = [];
  const times: (Instant | null)[] = [];
  let meta: Record<string, unknown> | null = null;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch {
      // An unterminated last line is a write in progress; it is read when the file changes again.
      if (index < lines.length - 1) diagnostics.push(warning(line, 'invalid-json', 'line is not valid JSON'));
      return;
    }
    if (!isRecord(value)) {
      diagnostics.push(warning(line, 'invalid-record', 'line is not a JSON object'));
      return;
    }
    if (index === 0 && !('role' in value)) {
      meta = value;
      return;
    }
    if (typeof value['role'] !== 'string') {
      diagnostics.push(warning(line, 'invalid-record', 'message without role'));
      return;
    }
    times.push(gooseInstant(value['created']));
  });
  const m: Record<string, unknown> = meta ?? {};
  let cumulative = meta === null ? null : metadataTokens(m);
  if (cumulative === 'invalid') {
    diagnostics.push(warning(1, 'invalid-record', 'metadata token counter is not a non-negative integer'));
    cumulative = null;
  }
  const last = times.reduce<Instant | null>(
    (acc, at) => (at !== null && (acc === null || at.ms > acc.ms) ? at : acc),
    null,
  );
  return {
    session: {
      id,
      projectPath: trimmedString(m['working_dir']),
      title: trimmedString(m['description']),
      parentId: null,
      model: null,
      times,
      // The counters were last rewritten with the latest message.
      updatedAt: last,
      cumulative,
      cumulativeCostUsd: null,
      ledger: [],
      fromDatabase: false,
    },
    diagnostics,
  };
}

/** Reads one legacy session file whole. */
export async function* readLegacySource(path: string): AsyncGenerator<AdapterEvent> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    yield {
      type: 'diagnostic',
      severity: 'error',
      code: 'unreadable-source',
      message: error instanceof Error ? error.message : String(error),
      line: null,
    };
    return;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    yield warning(null, 'invalid-utf8', 'session file is not valid UTF-8');
    yield { type: 'checkpoint', offset: bytes.length, state: null };
    return;
  }
  const { session, diagnostics } = parseLegacySession(text, basename(path).replace(/\.jsonl$/i, ''));
  yield* diagnostics;
  const { usages, activity, problems } = sessionEvents(session);
  for (const problem of problems) yield warning(null, 'invalid-record', problem);
  yield* usages;
  if (activity !== null) yield activity;
  yield { type: 'checkpoint', offset: bytes.length, state: null };
}
