import { describe, expect, it } from 'vitest';
import { parseTuiArgs } from './cli-args.js';

describe('rimuru-tui arguments', () => {
  it('maps flags to options', () => {
    expect(
      parseTuiArgs([
        '--db',
        '/tmp/x.db',
        '--view',
        'sessions',
        '--cost-mode',
        'calculate',
        '--active-window',
        '10',
        '--sync-interval',
        '0.5',
      ]),
    ).toEqual({
      help: false,
      options: {
        db: '/tmp/x.db',
        view: 'sessions',
        costMode: 'calculate',
        activeWindowMinutes: 10,
        syncIntervalMs: 500,
      },
    });
    expect(parseTuiArgs(['--no-sync'])).toEqual({ help: false, options: { syncIntervalMs: 0 } });
    expect(parseTuiArgs(['-h'])).toEqual({ help: true });
  });

  it('rejects unknown flags and bad values', () => {
    expect(parseTuiArgs(['--nope'])).toHaveProperty('error');
    expect(parseTuiArgs(['--view', 'graphs'])).toEqual({
      error: '--view must be one of dashboard, agents, sessions, costs',
    });
    expect(parseTuiArgs(['--active-window', '0'])).toEqual({
      error: '--active-window must be a positive number, got "0"',
    });
    expect(parseTuiArgs(['--cost-mode', 'free'])).toHaveProperty('error');
  });
});
