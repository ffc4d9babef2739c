import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether tmux is installed: the suites driving a real terminal skip without it. */
export const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
})();

/** How long any expected text may take to appear before a test fails (bounded, never a sleep). */
const WAIT_MS = 20_000;
const POLL_MS = 50;

/**
 * One real terminal: a detached tmux session (its own server socket, unique name) running the
 * TUI at a fixed size, with the TERM the test gives it.
 */
export class TmuxTerminal {
  readonly name = `rimuru-tui-${randomUUID().slice(0, 8)}`;
  private readonly socket = `${this.name}.sock`;

  private tmux(...args: string[]) {
    return run('tmux', ['-L', this.socket, '-f', '/dev/null', ...args]);
  }

  /**
   * Starts `command` (argv) with exactly `env` (through `env -i`: nothing leaks from the test
   * process). A shell around it prints `[exited N]` when it ends and keeps the pane open, so the
   * exit status and the restored terminal (normal screen, cursor shown) can be checked after.
   */
  async start(command: string[], env: Record<string, string>, size = { width: 80, height: 24 }): Promise<void> {
    const argv = ['env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...command];
    const script = `${argv.map(quote).join(' ')}; echo "[exited $?]"; exec sleep 600`;
    await this.tmux('new-session', '-d', '-s', this.name, '-x', String(size.width), '-y', String(size.height), script);
  }

  async capture(): Promise<string> {
    const { stdout } = await this.tmux('capture-pane', '-p', '-t', this.name);
    return stdout;
  }

  /** The screen with its colours and attributes as SGR sequences (tmux's view of every cell). */
  async captureStyled(): Promise<string> {
    const { stdout } = await this.tmux('capture-pane', '-e', '-p', '-t', this.name);
    return stdout;
  }

  /** Sends keys by tmux name (`j`, `Enter`, `Escape`, `C-d`); `literal` types text as is. */
  async keys(...keys: string[]): Promise<void> {
    await this.tmux('send-keys', '-t', this.name, ...keys);
  }

  async type(text: string): Promise<void> {
    await this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** Polls the screen until `predicate` holds; fails with the last screen after WAIT_MS. */
  async waitFor(predicate: (screen: string) => boolean, what: string): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    let screen = '';
    while (Date.now() < deadline) {
      screen = await this.capture();
      if (predicate(screen)) return screen;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new Error(`Timed out waiting for ${what}. Last screen:\n${screen}`);
  }

  waitForText(text: string | RegExp): Promise<string> {
    return this.waitFor((s) => (typeof text === 'string' ? s.includes(text) : text.test(s)), String(text));
  }

  /** The exit status once the program has ended (printed by the wrapping shell). */
  async waitForExit(): Promise<number> {
    const screen = await this.waitForText(/\[exited \d+\]/);
    return Number(/\[exited (\d+)\]/.exec(screen)![1]);
  }

  /** Whether the pane is back on the normal screen with the cursor shown (terminal restored). */
  async terminalState(): Promise<{ alternateOn: boolean; cursorVisible: boolean }> {
    const { stdout } = await this.tmux('display-message', '-p', '-t', this.name, '#{alternate_on} #{cursor_flag}');
    const [alt, cursor] = stdout.trim().split(' ');
    return { alternateOn: alt === '1', cursorVisible: cursor === '1' };
  }

  async kill(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined);
  }
}

/** One shell word: tmux runs the command through the shell. */
function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
