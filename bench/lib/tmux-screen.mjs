import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function hasTmux() {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Times a full-screen program's first paint in a real terminal: a detached tmux session of its
 * own (own server socket) at a fixed size; the screen is polled every `pollMs` until `painted`
 * holds. The figure is from the start of `new-session` to the first capture that shows the
 * paint, so it includes the poll interval (at most `pollMs` more than the truth).
 */
export async function timeFirstPaint(
  argv,
  env,
  painted,
  { width = 160, height = 48, pollMs = 10, timeoutMs = 60_000 } = {},
) {
  const name = `rimuru-bench-${randomUUID().slice(0, 8)}`;
  const tmux = (...args) => run('tmux', ['-L', name, '-f', '/dev/null', ...args]);
  const quote = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;
  const command = ['env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...argv].map(quote).join(' ');
  const started = performance.now();
  await tmux('new-session', '-d', '-s', name, '-x', String(width), '-y', String(height), `${command}; exec sleep 600`);
  try {
    let screen = '';
    while (performance.now() - started < timeoutMs) {
      screen = (await tmux('capture-pane', '-p', '-t', name)).stdout;
      if (painted(screen)) return { ms: performance.now() - started, screen };
      await new Promise((r) => setTimeout(r, pollMs));
    }
    throw new Error(`no first paint within ${timeoutMs} ms; last screen:\n${screen}`);
  } finally {
    await tmux('kill-server').catch(() => {});
  }
}
