import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  nonBlankString,
  isRecord,
  expandHome,
  parseIsoTimestamp,
  unreadableSource,
  type Instant,
} from '@rimuru/adapter-kit';
import type { AdapterDiagnostic, AdapterEvent } from '@rimuru/core';

function warn(code: string, message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code, message, line: null };
}

/**
 * A per-session JSON document in `~/.hermes/sessions/` (`{session_id, model, platform,
 * session_start, last_updated, cwd | model_config.cwd, message_count, messages[]}`): a
 * session with **unknown tokens** (the document has none), its times, project and model.
 * The same session in state.db adds its token total under the same id.
 */
export async function* readSessionJson(path: string, homeDir: string): AsyncGenerator<AdapterEvent> {
  let json: unknown;
  try {
    const raw = await readFile(path, 'utf8');
    try {
      json = JSON.parse(raw);
    } catch {
      yield warn('invalid-json', 'session document is not JSON');
      yield { type: 'checkpoint', offset: 0, state: null };
      return;
    }
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  if (!isRecord(json)) {
    yield warn('invalid-record', 'session document is not a JSON object');
  } else {
    const times = [json['session_start'], json['last_updated']]
      .map(parseIsoTimestamp)
      .filter((i): i is Instant => i !== null);
    // Message timestamps, where a version writes them, are activity too.
    if (Array.isArray(json['messages'])) {
      for (const m of json['messages'])
        if (isRecord(m)) {
          const at = parseIsoTimestamp(m['timestamp']);
          if (at !== null) times.push(at);
        }
    }
    times.sort((a, b) => a.ms - b.ms);
    const first = times[0];
    const last = times.at(-1);
    if (first === undefined || last === undefined) {
      yield warn('invalid-record', 'session document has no readable session_start/last_updated');
    } else {
      const config = isRecord(json['model_config']) ? json['model_config'] : {};
      const cwd = nonBlankString(json['cwd']) ?? nonBlankString(config['cwd']);
      const model = nonBlankString(json['model']);
      yield {
        type: 'activity',
        sessionExternalId: nonBlankString(json['session_id']) ?? basename(path, '.json').replace(/^session_/, ''),
        firstAt: first.iso,
        lastAt: last.iso,
        projectPath: cwd === null ? null : expandHome(cwd, homeDir),
        parentExternalId: nonBlankString(json['parent_session_id']),
        tokensKnown: false,
        title: nonBlankString(json['title']),
        ...(model === null ? {} : { models: [model] }),
      };
    }
  }
  yield { type: 'checkpoint', offset: 0, state: null };
}
