import { createClineFamilyAdapter } from './adapter.js';
import { CLINE_FLAVOR } from './cline-flavor.js';

/** Cline's task folders (VS Code extension and its forks' `globalStorage`, and `~/.cline/data`). */
export const clineAdapter = createClineFamilyAdapter(CLINE_FLAVOR);

// The shared task-folder reader, for the adapters of Cline's forks (Roo Code, Kilo Code).
export { createClineFamilyAdapter } from './adapter.js';
export { CLINE_FLAVOR, clineDataDir } from './cline-flavor.js';
export type { ClineFamilyFlavor, InputRule, ModelSource } from './flavor.js';
export {
  CLINE_PROMPT_INCLUSIVE_PROVIDERS,
  nonCachedInput,
  tokensInIncludesCache,
  type InputContext,
  type RawRequestTokens,
} from './input-tokens.js';
export { parseApiRequestText, type ApiRequestInfo, type ApiRequestParse } from './api-request.js';
export {
  interpretUiMessages,
  NO_TASK_FACTS,
  type TaskFacts,
  type TaskInterpretation,
} from './interpret-ui-messages.js';
export { historyFacts, type HistoryFacts, type ModelMention } from './conversation-history.js';
export { historyItemFacts, type HistoryItemFacts } from './history-item.js';
export { modelUsageAt, modelUsageOf, type ModelUsageEntry } from './task-metadata.js';
export { readTask } from './read-task.js';
export { taskRoots } from './roots.js';
export { discoverTasks, hasTasks, TASK_PATTERN } from './discover.js';
export {
  appDataDir,
  extensionStorageCandidates,
  vscodeUserDirCandidates,
  VSCODE_PRODUCTS,
  VSCODE_SERVER_DIRS,
} from './vscode-user-dirs.js';
