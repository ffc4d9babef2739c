import { isAbsolute } from 'node:path';
import { isRecord } from '@rimuru/core';

/**
 * What Claude Code pipes to its `statusLine` command (a JSON object on stdin): the session, its
 * transcript, the model and the workspace. Only the fields the line uses are read, each checked;
 * anything missing or malformed is null, so a change in Claude Code's payload costs a segment,
 * never the line.
 */
export interface StatuslineInput {
  sessionId: string | null;
  /** Absolute path of the session's JSONL transcript. */
  transcriptPath: string | null;
  modelId: string | null;
  modelName: string | null;
  cwd: string | null;
}

export const EMPTY_INPUT: StatuslineInput = {
  sessionId: null,
  transcriptPath: null,
  modelId: null,
  modelName: null,
  cwd: null,
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Parses the payload; null when it is not a JSON object (the caller prints its fallback). */
export function parseStatuslineInput(raw: string): StatuslineInput | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const model = isRecord(value.model) ? value.model : {};
  const workspace = isRecord(value.workspace) ? value.workspace : {};
  const transcript = text(value.transcript_path);
  return {
    sessionId: text(value.session_id),
    transcriptPath: transcript !== null && isAbsolute(transcript) ? transcript : null,
    modelId: text(model.id),
    modelName: text(model.display_name),
    cwd: text(workspace.current_dir) ?? text(value.cwd),
  };
}
