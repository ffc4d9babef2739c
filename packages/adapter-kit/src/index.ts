export { openChunkFile, type ChunkFile } from './chunk-file.js';
export { splitLines, type RawLine, type OversizedLine, type SplitItem, type SplitOptions } from './line-splitter.js';
export { DEFAULT_READ_LIMITS, checkpointDue, type ReadLimits } from './read-limits.js';
export { isBlankLine, parseJsonLine, strictUtf8Decoder, type JsonLineParse } from './json-line.js';
export { parseIsoTimestamp, parseEpochMs, type Instant } from './timestamp.js';
export { lineWarning, unreadableSource } from './source-diagnostic.js';
export { readJsonLines, type EmitEvent, type JsonLinesHandlers, type JsonLinesStart } from './read-json-lines.js';
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
  type EnvRoots,
} from './data-roots.js';
export { electronAppDataDir, vscodeUserDirCandidates, VSCODE_SERVER_DIRS, type PlatformContext } from './app-dirs.js';
export { appendSourcesUnder, listFiles, SourceList, type ListFilesOptions } from './source-files.js';
