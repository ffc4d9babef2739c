import { Command, Errors, Flags, type Interfaces } from '@oclif/core';
import pc from 'picocolors';
import { UsageError } from '@rimuru/core';
import { renderError } from './error-line.js';
import { jsonFlag } from './flags.js';
import type { CommandContext } from './parse-error-line.js';
import { isStoreCorruption } from './system-errors.js';
import { tableWidth } from './render/terminal-width.js';

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<
  (typeof BaseCommand)['baseFlags'] & T['flags']
>;
export type BaseArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/** The store the flags, environment and config select, for an error that must name it. */
async function selectedStoreLocation(dbFlag: string | undefined): Promise<string | undefined> {
  try {
    // Imported on use: only a failing command needs the store selection here.
    return (await (await import('./store-selection.js')).selectStore(dbFlag)).location;
  } catch {
    return undefined;
  }
}

/**
 * oclif reads piped stdin into a missing argument: `echo x | rimuru hooks status` would check
 * agent "x". No rimuru command takes an argument from stdin (those documented to read stdin,
 * such as `hook` and `db import -`, read it themselves).
 */
function withoutStdin<A extends Record<string, object> | undefined>(args: A): A {
  if (args === undefined) return args;
  return Object.fromEntries(Object.entries(args).map(([name, arg]) => [name, { ...arg, ignoreStdin: true }])) as A;
}

/**
 * Every rimuru command: shared flags and the single error boundary that turns any failure into
 * one line on stderr and the right exit code (a stack trace only with --verbose or DEBUG).
 */
export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override baseFlags = {
    db: Flags.string({
      description:
        'Store to use: a SQLite file path or a postgres:// URL (default: DATABASE_URL, config, then the embedded store)',
      helpGroup: 'GLOBAL',
    }),
    verbose: Flags.boolean({
      description: 'Show details: diagnostics, stack traces',
      helpGroup: 'GLOBAL',
      default: false,
    }),
    color: Flags.boolean({
      description: 'Colour output (--no-color or NO_COLOR turn it off)',
      allowNo: true,
      default: true,
      helpGroup: 'GLOBAL',
    }),
  };

  protected flags!: BaseFlags<T>;
  /** Flags that hold their default rather than a value the user typed. */
  private defaulted = new Set<string>();
  protected args!: BaseArgs<T>;

  public override async init(): Promise<void> {
    await super.init();
    const baseFlags = (super.ctor as typeof BaseCommand).baseFlags as Record<string, unknown>;
    const ownFlags = (this.ctor.flags ?? {}) as Record<string, unknown>;
    // ccusage's --json: wherever --format can be json, whether or not the command lists it.
    const format = (ownFlags.format ?? baseFlags.format) as { options?: readonly string[] } | undefined;
    const takesJson = format?.options?.includes('json') === true;
    const { args, flags, metadata } = await this.parse({
      flags:
        takesJson && !('json' in ownFlags) && !('json' in baseFlags)
          ? { ...ownFlags, json: jsonFlag }
          : this.ctor.flags,
      baseFlags: (super.ctor as typeof BaseCommand).baseFlags,
      args: withoutStdin(this.ctor.args),
      strict: this.ctor.strict,
    });
    this.flags = flags as BaseFlags<T>;
    this.args = args as BaseArgs<T>;
    this.defaulted = new Set(
      Object.entries(metadata.flags)
        .filter(([, m]) => m?.setFromDefault)
        .map(([name]) => name),
    );
    const parsed = flags as Record<string, unknown>;
    if (takesJson && parsed.json === true) {
      if (this.given('format') && parsed.format !== 'json')
        throw new UsageError(`--json means --format json, not --format ${String(parsed.format)}: give one of them`);
      parsed.format = 'json';
    }
  }

  protected get useColor(): boolean {
    return this.flags?.color !== false && !process.env.NO_COLOR && pc.isColorSupported;
  }

  protected override async catch(error: Error & { exitCode?: number }): Promise<void> {
    if (error instanceof Errors.ExitError) throw error;
    const context = this.errorContext();
    if (isStoreCorruption(error))
      context.storeLocation = this.storeLocation() ?? (await selectedStoreLocation(this.flags?.db));
    const rendered = renderError(error, context);
    const verbose = this.flags?.verbose || Boolean(process.env.DEBUG) || process.argv.includes('--verbose');
    process.stderr.write(`${pc.red('Error:')} ${rendered.line}\n`);
    if (rendered.suggestions.length > 0 && rendered.exitCode === 2) {
      for (const s of rendered.suggestions.slice(0, 10)) process.stderr.write(`  ${s}\n`);
    }
    if (verbose && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = rendered.exitCode;
  }

  /** Whether the user typed this flag (not just its default). */
  protected given(flag: string): boolean {
    return (this.flags as Record<string, unknown> | undefined)?.[flag] !== undefined && !this.defaulted.has(flag);
  }

  /** The store this command opened, when it did (read commands override it). */
  protected storeLocation(): string | undefined {
    return undefined;
  }

  /** The command and its flags, so a parse error can name them and suggest the closest flag. */
  private errorContext(): CommandContext {
    const flags: Record<string, string | undefined> = {};
    for (const [name, flag] of Object.entries({ ...(this.ctor as typeof BaseCommand).baseFlags, ...this.ctor.flags })) {
      flags[`--${name}`] = (flag as { description?: string }).description;
    }
    const prefix = `${this.id}:`;
    const subcommands = this.config.commands
      .filter((c) => !c.hidden && c.id.startsWith(prefix) && !c.id.slice(prefix.length).includes(':'))
      .map((c) => c.id.slice(prefix.length));
    return { command: this.id?.replaceAll(':', ' '), flags, subcommands };
  }

  /** Columns a table may use: the terminal's width, unlimited with --wide or when piped. */
  protected get tableWidth(): number {
    return tableWidth({ wide: (this.flags as Record<string, unknown> | undefined)?.wide === true });
  }

  /**
   * A note about a table (e.g. that it was cut at --limit): its footer on a terminal, on stderr
   * when piped so the table stays clean. Never printed with JSON or CSV.
   */
  protected tableNote(note: string | null): void {
    if (note === null) return;
    if (process.stdout.isTTY || process.env.RIMURU_FORCE_TTY === '1') this.log(note);
    else process.stderr.write(`${note}\n`);
  }

  /** Exactly one JSON document on stdout. */
  protected printJson(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
}
