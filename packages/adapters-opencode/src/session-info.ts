import { nonBlankString } from '@rimuru/adapter-kit';
import type { Instant } from '@rimuru/adapter-kit';
import { asObject, type JsonObject } from './json-fields.js';
import { instantOf } from './message-time.js';

/** What a session record says: its project directory, title, parent and created/updated times. */
export interface SessionInfo {
  id: string;
  projectPath: string | null;
  title: string | null;
  parentId: string | null;
  times: Instant[];
}

/**
 * A session as the legacy `storage/session/<projectID>/<id>.json` holds it, or a DB `session`
 * row turned into the same shape (`directory`, `title`, `parentID`/`parent_id`, `time.created`/
 * `time_created`, `time.updated`/`time_updated`).
 */
export function interpretSession(data: JsonObject, idHint: string | null): SessionInfo | null {
  const id = nonBlankString(data['id']) ?? idHint;
  if (id === null) return null;
  const time = asObject(data['time']);
  const times = [time?.['created'], time?.['updated'], data['time_created'], data['time_updated']]
    .map(instantOf)
    .filter((t): t is Instant => t !== null);
  return {
    id,
    projectPath: nonBlankString(data['directory']),
    title: nonBlankString(data['title']),
    parentId: nonBlankString(data['parentID']) ?? nonBlankString(data['parent_id']),
    times,
  };
}
