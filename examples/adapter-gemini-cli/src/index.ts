export { adapters } from './adapters.js';
export { geminiCliAdapter } from './gemini-adapter.js';
export { discoverGeminiChats } from './discover.js';
export { geminiDataDir, geminiRoots } from './roots.js';
export { readGeminiChat, MAX_CHAT_BYTES } from './read-chat.js';
export { parseMessageTokens, type TokensParse } from './message-tokens.js';
export { parseChatJson, parseChatJsonl, type ChatDocument, type DocumentParse } from './chat-document.js';
