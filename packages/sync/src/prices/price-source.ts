import { isRecord } from '@rimuru/core';
import { readFile } from 'node:fs/promises';
import { RimuruError } from '@rimuru/core';

/** LiteLLM's public price file: the default of `rimuru models sync`. */
export const LITELLM_PRICES_URL =
  'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json';

const PRICE_FETCH_TIMEOUT_MS = 10_000;

/** Reads a LiteLLM price file from an http(s) URL (10 s timeout) or a local path. */
export async function readPriceSource(
  from: string,
  timeoutMs = PRICE_FETCH_TIMEOUT_MS,
): Promise<Record<string, unknown>> {
  const remote = /^https?:\/\//i.test(from);
  let text: string;
  try {
    if (remote) {
      const response = await fetch(from, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new RimuruError('SOURCE_ERROR', `HTTP ${response.status}`);
      text = await response.text();
    } else {
      text = await readFile(from.startsWith('file://') ? new URL(from) : from, 'utf8');
    }
  } catch (error) {
    const reason =
      error instanceof Error
        ? error.name === 'TimeoutError'
          ? `no answer in ${timeoutMs / 1000} s`
          : error.message
        : String(error);
    throw new RimuruError('SOURCE_ERROR', `Cannot read prices from ${from}: ${reason}; prices unchanged`, 1, {
      suggestions: ['rimuru models sync --from <file>'],
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RimuruError('SOURCE_ERROR', `Prices from ${from} are not valid JSON; prices unchanged`);
  }
  if (!isRecord(json))
    throw new RimuruError('SOURCE_ERROR', `Prices from ${from} are not a JSON object; prices unchanged`);
  return json;
}
