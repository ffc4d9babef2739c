export {
  codexSessionMetaLine,
  codexThreadSpawnSource,
  codexTurnContextLine,
  codexTokenCountLine,
  codexUserMessageLine,
  codexResponseMessageLine,
  codexLegacyHeaderLine,
  codexLegacyStateLine,
  codexLegacyMessageLine,
  codexSessionPath,
  codexJsonl,
} from './lines.js';
export { CodexUsageTape } from './session-writer.js';
export { drainEvents, eventsOfType, codexTotalsBySession } from './events.js';
export { generateCodexHome, type CodexHomeTruth } from './home-generator.js';
