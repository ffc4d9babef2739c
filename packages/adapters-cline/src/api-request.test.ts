import { describe, expect, it } from 'vitest';
import { parseApiRequestText } from './api-request.js';

describe('api_req_started text', () => {
  it('reads the counters, cost, cancel reason and protocol', () => {
    const parsed = parseApiRequestText(
      JSON.stringify({
        request: 'x',
        tokensIn: 10,
        tokensOut: 20,
        cacheWrites: 3,
        cacheReads: 4,
        cost: 0.5,
        cancelReason: 'user_cancelled',
        apiProtocol: 'openai',
      }),
    );
    expect(parsed).toEqual({
      kind: 'usage',
      info: {
        tokensIn: 10,
        tokensOut: 20,
        cacheWrites: 3,
        cacheReads: 4,
        cost: 0.5,
        cancelReason: 'user_cancelled',
        apiProtocol: 'openai',
      },
    });
  });

  it('treats missing counters as zero once any is present', () => {
    const parsed = parseApiRequestText('{"tokensIn":7,"tokensOut":1}');
    expect(parsed.kind === 'usage' && parsed.info).toMatchObject({
      tokensIn: 7,
      tokensOut: 1,
      cacheReads: 0,
      cacheWrites: 0,
      cost: null,
    });
  });

  it('recognises placeholders written before the request ran', () => {
    expect(parseApiRequestText('{"request":"<task>…</task>"}')).toEqual({ kind: 'placeholder' });
    expect(parseApiRequestText('{"apiProtocol":"anthropic"}')).toEqual({ kind: 'placeholder' });
    expect(parseApiRequestText(undefined)).toEqual({ kind: 'placeholder' });
  });

  it('rejects text that is not a request record', () => {
    expect(parseApiRequestText('{"tokensIn":')).toMatchObject({ kind: 'invalid' });
    expect(parseApiRequestText('[1,2]')).toMatchObject({ kind: 'invalid' });
    expect(parseApiRequestText('{"tokensIn":-4}')).toMatchObject({ kind: 'invalid' });
    expect(parseApiRequestText('{"tokensOut":"12"}')).toMatchObject({ kind: 'invalid' });
    expect(parseApiRequestText(42)).toMatchObject({ kind: 'invalid' });
  });
});
