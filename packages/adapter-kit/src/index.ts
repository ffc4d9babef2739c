export { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.js';
export { strictUtf8Decoder } from './json-line.js';
export { parseIsoTimestamp, parseEpochMs, type Instant } from './timestamp.js';
export { lineWarning, unreadableSource } from './source-diagnostic.js';
export { readJsonLines, type EmitEvent } from './read-json-lines.js';
export { InstantSpan } from './instant-span.js';
export { isRecord, nonBlankString, trimmedString } from './json-fields.js';
export {
  dedupeByRealpath,
  existingDirectories,
  expandHome,
  isDirectory,
  isFile,
  resolveUserPath,
  rootsFromEnv,
} from './data-roots.js';
export { vscodeUserDirCandidates } from './app-dirs.js';
export { appendSourcesUnder, listFiles, SourceList } from './source-files.js';
