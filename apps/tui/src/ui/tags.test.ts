import blessed from 'blessed';
import { describe, expect, it } from 'vitest';
import { GREY_245, paint } from './tags.js';

describe('paint', () => {
  it('dims with palette grey 245 on 256 colours, never bright black; plain on fewer', () => {
    const colors = blessed.colors as unknown as { convert(color: string): number };
    expect(colors.convert(GREY_245)).toBe(245);
    expect(paint(256).dim('hint')).toBe(`{${GREY_245}-fg}hint{/${GREY_245}-fg}`);
    expect(paint(8).dim('hint')).toBe('hint');
    expect(paint(0).dim('hint')).toBe('hint');
    expect(paint(0).green('x')).toBe('x');
    expect(paint(0).selected('x')).toBe('{inverse}x{/inverse}');
  });
});
