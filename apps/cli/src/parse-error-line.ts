import { stripVTControlCharacters } from 'node:util';
import { closestValues } from './suggest.js';

/** What the error boundary knows about the command that failed to parse its input. */
export interface CommandContext {
  /** `sessions show` */
  command?: string;
  /** Its flags (with --), and their descriptions. */
  flags?: Record<string, string | undefined>;
  /** The commands under it (`show`, `stats` under `sessions`): a mistyped one arrives as an argument. */
  subcommands?: string[];
  /** The store it used, when known: named by store errors that lack it. */
  storeLocation?: string;
}

interface ArgSpec {
  name?: string;
  description?: string;
}

const SEE_HELP = /\n?See more help with --help\s*$/;

/**
 * oclif's parse errors in plain words, on one line: which argument is missing and how the
 * command is typed, which flag a bad number or value was given to and what it takes, and the
 * closest flag or value to a typo. Null for messages it does not recognise.
 */
export function parseErrorLine(error: Error & { args?: ArgSpec[] }, context: CommandContext = {}): string | null {
  const message = stripVTControlCharacters(error.message).replace(SEE_HELP, '');
  const bin = `rimuru${context.command ? ` ${context.command}` : ''}`;

  if (/^Missing \d+ required args?/.test(message)) {
    const args = (error.args ?? []).filter((a) => a.name);
    if (args.length === 0) return `${bin} needs an argument`;
    const names = args.map((a) => `<${a.name}>`).join(' ');
    const what = args
      .map((a) => a.description)
      .filter(Boolean)
      .join('; ');
    return `Missing ${names}${what ? ` (${lowerFirst(what)})` : ''}: ${bin} ${names}`;
  }

  const parsing = /^Parsing --([\w-]+)\s*\n\s*(.*)/s.exec(message);
  if (parsing) return `--${parsing[1]} ${numberProblem(parsing[2]!.trim()) ?? `is invalid: ${firstLine(parsing[2]!)}`}`;

  const option = /^Expected --([\w-]+)=(.*) to be one of: (.*)$/m.exec(message);
  if (option) return notOneOf(`--${option[1]}`, option[2]!, option[3]!.split(', '));

  const argOption = /^Expected (.*) to be one of: (.*)$/m.exec(message);
  if (argOption) return notOneOf('the argument', argOption[1]!, argOption[2]!.split(', '));

  const nonexistent = /^Nonexistent flags?: (.*)$/m.exec(message);
  if (nonexistent) {
    const flags = nonexistent[1]!.split(', ');
    const known = Object.keys(context.flags ?? {});
    const close = closestValues(flags[0]!, known);
    return `Unknown flag${flags.length === 1 ? '' : 's'} ${flags.join(', ')}${close.length > 0 ? `: did you mean ${close.join(' or ')}?` : ''}`;
  }

  const unexpected = /^Unexpected arguments?: (.*)$/m.exec(message);
  if (unexpected) {
    const first = unexpected[1]!.split(', ')[0]!;
    const close = closestValues(first, context.subcommands ?? []);
    if (close.length > 0)
      return `Unknown command "${bin} ${first}": did you mean ${close.map((c) => `${bin} ${c}`).join(' or ')}?`;
    return `${bin} takes no argument "${first}"`;
  }

  if (/^The following errors? occurred:/.test(message)) {
    const reasons = message
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter(Boolean);
    return reasons.map((r) => missingFlag(r, context) ?? r).join('; ');
  }
  return null;
}

function notOneOf(what: string, input: string, options: string[]): string {
  const close = closestValues(input, options);
  return `${what} "${input}" is not one of ${options.join(', ')}${close.length > 0 ? `: did you mean ${close.join(' or ')}?` : ''}`;
}

/** oclif's integer complaints as "must be a whole number of at least 1, not -5". */
function numberProblem(text: string): string | null {
  const m = /^Expected an integer(?: (greater|less) than or equal to (-?\d+))? but received: (.*)$/.exec(text);
  if (!m) return null;
  const bound = m[1] === undefined ? '' : ` of ${m[1] === 'greater' ? 'at least' : 'at most'} ${m[2]}`;
  return `must be a whole number${bound}, not ${m[3]}`;
}

function missingFlag(reason: string, context: CommandContext): string | null {
  const m = /^Missing required flag ([\w-]+)$/.exec(reason);
  if (!m) return null;
  const description = context.flags?.[`--${m[1]}`];
  return `Missing --${m[1]}${description ? ` (${lowerFirst(description)})` : ''}: rimuru${context.command ? ` ${context.command}` : ''} --${m[1]} <value>`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? text.trim()
  );
}
