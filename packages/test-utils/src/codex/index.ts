export {
  codexUsageObject,
  codexSessionMetaLine,
  codexThreadSpawnSource,
  codexTurnContextLine,
  codexTokenCountLine,
  codexEventLine,
  codexUserMessageLine,
  codexResponseMessageLine,
  codexLegacyHeaderLine,
  codexLegacyStateLine,
  codexLegacyMessageLine,
  codexRolloutName,
  codexSessionPath,
  codexJsonl,
  type CodexUsageInit,
  type CodexSessionMetaInit,
  type CodexTurnContextInit,
  type CodexTokenCountInit,
} from './lines.js';
export { CodexUsageTape } from './session-writer.js';
export { drainEvents, eventsOfType, codexTotalsBySession, type CodexSessionTotals } from './events.js';
export {
  generateCodexHome,
  type CodexHomeOptions,
  type CodexHomeTruth,
  type CodexSessionTruth,
} from './home-generator.js';
