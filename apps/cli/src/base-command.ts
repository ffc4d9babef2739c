import { Command, Errors, Flags, type Interfaces } from '@oclif/core';
import pc from 'picocolors';
import { renderError } from './error-line.js';

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>;
export type BaseArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/**
 * Every rimuru command: shared flags and the single error boundary that turns any failure into
 * one line on stderr and the right exit code (a stack trace only with --verbose or DEBUG).
 */
export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override baseFlags = {
    db: Flags.string({
      description: 'Store to use: a SQLite file path or a postgres:// URL (default: DATABASE_URL, config, then the embedded store)',
      helpGroup: 'GLOBAL',
    }),
    verbose: Flags.boolean({ description: 'Show details: diagnostics, stack traces', helpGroup: 'GLOBAL', default: false }),
    color: Flags.boolean({ description: 'Colour output (--no-color or NO_COLOR turn it off)', allowNo: true, default: true, helpGroup: 'GLOBAL' }),
  };

  protected flags!: BaseFlags<T>;
  protected args!: BaseArgs<T>;

  public override async init(): Promise<void> {
    await super.init();
    const { args, flags } = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (super.ctor as typeof BaseCommand).baseFlags,
      args: this.ctor.args,
      strict: this.ctor.strict,
    });
    this.flags = flags as BaseFlags<T>;
    this.args = args as BaseArgs<T>;
  }

  protected get useColor(): boolean {
    return this.flags?.color !== false && !process.env.NO_COLOR && pc.isColorSupported;
  }

  protected override async catch(error: Error & { exitCode?: number }): Promise<void> {
    if (error instanceof Errors.ExitError) throw error;
    const rendered = renderError(error);
    const verbose = this.flags?.verbose || Boolean(process.env.DEBUG) || process.argv.includes('--verbose');
    process.stderr.write(`${pc.red('Error:')} ${rendered.line}\n`);
    if (rendered.suggestions.length > 0 && rendered.exitCode === 2) {
      for (const s of rendered.suggestions.slice(0, 10)) process.stderr.write(`  ${s}\n`);
    }
    if (verbose && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = rendered.exitCode;
  }

  /** Exactly one JSON document on stdout. */
  protected printJson(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
}
