export { codebuffAdapter } from './adapter.js';
export type { ChatContext, ChatParse } from './chat.js';
