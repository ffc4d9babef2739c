import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** Shows one desktop notification; never throws, never waits. */
export type DesktopNotify = (title: string, body: string, urgent: boolean) => void;

/** The executable `command` on PATH, or null. */
function onPath(command: string, env: Readonly<Record<string, string | undefined>>): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** An AppleScript string literal. */
function appleString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function launch(command: string, args: string[]): void {
  try {
    // Detached and unwaited: a slow or missing notification daemon never holds up the watcher.
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // A notification is a courtesy: the alert line is already printed.
  }
}

/**
 * The system's own notifier when it has one: `notify-send` (libnotify) on Linux and the BSDs,
 * `osascript` on macOS; null elsewhere or when it is not on PATH. Arguments go to the program
 * directly, never through a shell.
 */
export function desktopNotifier(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
): DesktopNotify | null {
  if (platform === 'win32') return null;
  if (platform === 'darwin') {
    const osascript = onPath('osascript', env);
    if (osascript === null) return null;
    return (title, body) =>
      launch(osascript, ['-e', `display notification ${appleString(body)} with title ${appleString(title)}`]);
  }
  const notifySend = onPath('notify-send', env);
  if (notifySend === null) return null;
  return (title, body, urgent) =>
    launch(notifySend, ['--app-name=rimuru', `--urgency=${urgent ? 'critical' : 'normal'}`, title, body]);
}
