export { geminiCliAdapter } from './adapter.js';
export { geminiRoots } from './roots.js';
export { discoverGeminiChats } from './discover.js';
export { readChatJson, MAX_CHAT_BYTES } from './read-chat-json.js';
export { readChatLog, DEFAULT_READ_LIMITS, type ReadLimits } from './read-chat-log.js';
export { parseMessageTokens, type TokensParse } from './message-tokens.js';
