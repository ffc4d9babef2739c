import { describe, expect, it } from 'vitest';
import { probeColors, terminalProfile } from './terminal-colors.js';

describe('terminal profile', () => {
  it('gives a 256-colour TERM that blessed misreads the xterm-256color entry', () => {
    expect(terminalProfile('tmux-256color', 8)).toEqual({ terminal: 'xterm-256color', colors: 256 });
    expect(terminalProfile('screen-256color', 8)).toEqual({ terminal: 'xterm-256color', colors: 256 });
    expect(terminalProfile('xterm-256color', 256)).toEqual({ terminal: undefined, colors: 256 });
    expect(terminalProfile('screen', 8)).toEqual({ terminal: undefined, colors: 8 });
    expect(terminalProfile(undefined, 8)).toEqual({ terminal: undefined, colors: 8 });
  });

  it('probes what blessed reads for a TERM without touching the terminal', () => {
    expect(probeColors({ TERM: 'xterm-256color' })).toBe(256);
    expect(probeColors({ TERM: 'no-such-terminal' })).toBe(8);
  });
});
