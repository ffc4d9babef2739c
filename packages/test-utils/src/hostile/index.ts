export {
  hostileNumberish,
  hostileTimestamp,
  hostileValue,
  invalidUtf8,
  deeplyNested,
  jsonPaths,
  replaceAt,
  mutatedRecord,
} from './arbitraries.js';
export { readWhole, insaneEvents, type ReadOutcome } from './sanity.js';
