import { isAbsolute, join } from 'node:path';
import type { RimuruConfig } from './config-schema.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The adapters read their roots from the environment only, so configured extra roots become
 * the variables they understand. A variable the user set wins (env overrides config).
 * Claude Code and Codex take comma lists, which replace their defaults: the defaults are
 * listed first so a configured root adds to them. Copilot takes one directory.
 */
export function envWithConfigRoots(env: Env, homeDir: string, config: RimuruConfig): Env {
  const roots = config.roots;
  if (roots === undefined) return env;
  const out: Record<string, string | undefined> = { ...env };
  const unset = (name: string) => (env[name]?.trim() ?? '') === '';
  const claude = roots['claude-code'] ?? [];
  if (claude.length > 0 && unset('CLAUDE_CONFIG_DIR')) {
    const xdg = env.XDG_CONFIG_HOME;
    const configHome = xdg !== undefined && isAbsolute(xdg) ? xdg : join(homeDir, '.config');
    out.CLAUDE_CONFIG_DIR = [join(configHome, 'claude'), join(homeDir, '.claude'), ...claude].join(',');
  }
  const codex = roots.codex ?? [];
  if (codex.length > 0 && unset('CODEX_HOME')) out.CODEX_HOME = [join(homeDir, '.codex'), ...codex].join(',');
  const copilot = roots.copilot?.[0];
  if (copilot !== undefined && unset('COPILOT_CONFIG_DIR')) out.COPILOT_CONFIG_DIR = copilot;
  return out;
}
