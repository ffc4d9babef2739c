import { readFile } from 'node:fs/promises';
import { isRecord, parseIsoTimestamp, unreadableSource, type Instant } from '@rimuru/adapter-kit';
import type { AdapterDiagnostic, AdapterEvent } from '@rimuru/core';
import { sessionPathFacts } from './session-path.js';

function warn(code: string, message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code, message, line: null };
}

const nonEmpty = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * Reads a session's `summary.json` (snapshot): one tokenless activity with its times
 * (`created_at` … `updated_at` / `last_active_at`), project (`info.cwd`, else `git_root_dir`,
 * else the encoded folder), title (`generated_title`, else `session_summary`), current model
 * and parent (`parent_session_id` of a fork, or the session a `subagents/` folder sits in).
 * Tokens come only from `updates.jsonl`, whose usage events make them known.
 */
export async function* readGrokSummary(path: string): AsyncGenerator<AdapterEvent> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    yield warn('invalid-json', 'summary.json is not JSON');
    yield { type: 'checkpoint', offset: 0, state: null };
    return;
  }
  const facts = sessionPathFacts(path);
  if (!isRecord(json)) {
    yield warn('invalid-record', 'summary.json is not a JSON object');
  } else {
    const times = ['created_at', 'updated_at', 'last_active_at']
      .map((k) => parseIsoTimestamp(json[k]))
      .filter((i): i is Instant => i !== null)
      .sort((a, b) => a.ms - b.ms);
    const first = times[0];
    const last = times.at(-1);
    if (first === undefined || last === undefined) {
      yield warn('invalid-record', 'summary.json has no readable created_at/updated_at');
    } else {
      const info = isRecord(json['info']) ? json['info'] : {};
      const model = nonEmpty(json['current_model_id']);
      const gitRoot = nonEmpty(json['git_root_dir']);
      yield {
        type: 'activity',
        sessionExternalId: facts.sessionId,
        firstAt: first.iso,
        lastAt: last.iso,
        projectPath:
          nonEmpty(info['cwd']) ?? (gitRoot === null ? null : gitRoot.replace(/(.)[\\/]+$/, '$1')) ?? facts.projectPath,
        parentExternalId: nonEmpty(json['parent_session_id']) ?? facts.parentId,
        tokensKnown: false,
        title: nonEmpty(json['generated_title']) ?? nonEmpty(json['session_summary']),
        ...(model === null ? {} : { models: [model] }),
      };
    }
  }
  yield { type: 'checkpoint', offset: 0, state: null };
}
