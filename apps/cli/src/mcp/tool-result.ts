import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { renderError } from '../error-line.js';
import type { ToolAnswer } from './tool.js';

/** At most this many suggestions (e.g. the sessions an ambiguous prefix matches) follow an error. */
const MAX_SUGGESTIONS = 10;

export function toolAnswerResult(answer: ToolAnswer): CallToolResult {
  return { content: [{ type: 'text', text: answer.text }], structuredContent: answer.structured };
}

/** Any failure as a tool error: the CLI's one line, then its suggestions. */
export function toolErrorResult(error: unknown): CallToolResult {
  const rendered = renderError(error);
  const lines = [rendered.line, ...rendered.suggestions.slice(0, MAX_SUGGESTIONS).map((s) => `  ${s}`)];
  return { content: [{ type: 'text', text: lines.join('\n') }], isError: true };
}
