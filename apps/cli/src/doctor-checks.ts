import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  FORMAT_DRIFT_META_KEY,
  isRimuruError,
  parseRecordedFormatDrift,
  type AdapterContext,
  type AgentAdapter,
} from '@rimuru/core';
import {
  checkSqliteIntegrity,
  openStore,
  openStoreReadOnly,
  SCHEMA_VERSION,
  sqliteFileWritable,
  type StoreTarget,
} from '@rimuru/db';
import { configPath, envWithConfigRoots, loadConfig, lookupAgents } from '@rimuru/app-runtime';
import { configRootTypes, overrideHint, tildePath } from './first-run.js';

type CheckStatus = 'ok' | 'warn' | 'fail';

export interface DoctorCheck {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What the user should do; null when nothing. */
  fix: string | null;
}

const check = (name: string, status: CheckStatus, detail: string, fix: string | null = null): DoctorCheck => ({
  name,
  status,
  detail,
  fix,
});

function modeCheck(name: string, path: string, wanted: number): DoctorCheck {
  const mode = statSync(path).mode & 0o777;
  // Session history names projects and paths: nobody but the owner should read it.
  if ((mode & 0o077) === 0) return check(name, 'ok', `${path} is ${mode.toString(8).padStart(4, '0')}`);
  return check(
    name,
    'warn',
    `${path} is readable by others (${mode.toString(8).padStart(4, '0')})`,
    `chmod ${wanted.toString(8)} '${path}'`,
  );
}

export async function checkConfig(ctx: AdapterContext): Promise<DoctorCheck[]> {
  const path = configPath(ctx.env, ctx.homeDir);
  if (!existsSync(path)) return [check('config', 'ok', `no config file at ${path} (defaults apply)`)];
  try {
    await loadConfig(ctx.env, ctx.homeDir);
  } catch (error) {
    return [check('config', 'fail', isRimuruError(error) ? error.message : String(error), `fix or remove ${path}`)];
  }
  return [check('config', 'ok', path), modeCheck('config permissions', path, 0o600)];
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

async function checkSqliteFile(path: string): Promise<DoctorCheck[]> {
  if (!existsSync(path)) {
    return [check('store', 'warn', `${path} does not exist yet`, 'run `rimuru sync` to create it')];
  }
  const checks = [
    modeCheck('store directory permissions', dirname(path), 0o700),
    modeCheck('store permissions', path, 0o600),
  ];
  // Permissions first: a file this user cannot read or write is not a damaged file, and
  // moving a readable store away would lose history no agent file holds any more.
  if (!readable(path)) {
    checks.push(
      check(
        'store access',
        'fail',
        `${path} cannot be read by this user (permission denied)`,
        `give this user read and write access (chmod u+rw '${path}') or run rimuru as the file's owner`,
      ),
    );
    return checks;
  }
  if (!sqliteFileWritable(path)) {
    checks.push(
      check(
        'store access',
        'warn',
        `${path} is read-only here (file permissions or a read-only mount): commands read it, but sync cannot add new agent data`,
        `make the file and its folder writable (chmod u+w '${path}' '${dirname(path)}') or mount it read-write`,
      ),
    );
  }
  try {
    const verdict = await checkSqliteIntegrity(path);
    checks.push(
      verdict === 'ok'
        ? check('store integrity', 'ok', 'PRAGMA integrity_check: ok')
        : check(
            'store integrity',
            'fail',
            `PRAGMA integrity_check (SQLITE_CORRUPT): ${verdict.split('\n').slice(0, 3).join('; ')}`,
            'restore a backup (`rimuru db restore <file>`); `rimuru db export` saves what is still readable first',
          ),
    );
  } catch (error) {
    const message = isRimuruError(error) ? error.message : String(error);
    const denied = /SQLITE_CANTOPEN|SQLITE_PERM|SQLITE_READONLY|EACCES|EPERM|unable to open|permission/i.test(message);
    checks.push(
      denied
        ? check(
            'store access',
            'fail',
            message,
            `check the permissions of '${path}' and its folder (this user needs read access, and write access to sync)`,
          )
        : check(
            'store integrity',
            'fail',
            message,
            // Only a file that is no database at all may be moved aside: a damaged store still
            // holds history that the agents' files may no longer have.
            /SQLITE_NOTADB|file is not a database/i.test(message)
              ? 'restore a backup (`rimuru db restore <file>`), or move the file away and sync again'
              : 'restore a backup (`rimuru db restore <file>`); `rimuru db export` saves what is still readable first',
          ),
    );
  }
  return checks;
}

export async function checkStore(target: StoreTarget, location: string): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = target.dialect === 'sqlite' ? await checkSqliteFile(target.path) : [];
  if (checks.some((c) => c.status === 'fail') || (target.dialect === 'sqlite' && !existsSync(target.path)))
    return checks;
  try {
    // migrate: false — a doctor looks, it does not change the store.
    const store =
      target.dialect === 'sqlite' && !sqliteFileWritable(target.path)
        ? await openStoreReadOnly(target.path)
        : await openStore(target, { migrate: false });
    try {
      const version = await store.meta.get('schema_version');
      const sessions = await store.sessions.count({});
      const behind = version !== null && Number(version) < SCHEMA_VERSION;
      checks.push(
        check(
          'store',
          behind ? 'warn' : 'ok',
          `${location}: schema ${version ?? '?'} of ${SCHEMA_VERSION}, ${sessions} sessions`,
          behind ? 'run any rimuru command to migrate it' : null,
        ),
      );
      for (const drift of parseRecordedFormatDrift(await store.meta.get(FORMAT_DRIFT_META_KEY))) {
        checks.push(
          check(
            `${drift.agentType} format`,
            'warn',
            `${drift.message} (sync of ${drift.at})`,
            'update rimuru; if it is current, report the agent version',
          ),
        );
      }
    } finally {
      await store.close();
    }
  } catch (error) {
    const message = isRimuruError(error) ? error.message : String(error);
    // A server database nobody has used yet (or one being created right now) has no tables:
    // that is a state to report, not a failure.
    if (/does not exist|no such table/i.test(message)) {
      checks.push(check('store', 'warn', `${location}: no Rimuru schema yet`, 'run any rimuru command to create it'));
      return checks;
    }
    const code = isRimuruError(error) ? error.code : 'DB_ERROR';
    const fix =
      code === 'DB_NEWER_VERSION'
        ? 'upgrade rimuru'
        : code === 'DB_AUTH'
          ? 'check the user and password in the database URL'
          : code === 'DB_UNREACHABLE'
            ? 'start the server or fix the host/port in the database URL'
            : code === 'DB_CORRUPT'
              ? 'restore a backup (`rimuru db restore <file>`)'
              : null;
    const firstLine =
      message
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? message;
    checks.push(check('store', 'fail', `${location}: ${code}: ${firstLine}`, fix));
  }
  return checks;
}

/** The agents' context with the config's extra roots applied, as a sync sees it (the plain one if the config is unreadable). */
export async function withConfigRoots(ctx: AdapterContext): Promise<AdapterContext> {
  try {
    const config = await loadConfig(ctx.env, ctx.homeDir);
    return { ...ctx, env: envWithConfigRoots(ctx.env, ctx.homeDir, config) };
  } catch {
    return ctx;
  }
}

export async function checkDataRoots(adapters: readonly AgentAdapter[], ctx: AdapterContext): Promise<DoctorCheck[]> {
  const rootsTypes = configRootTypes();
  const home = ctx.homeDir;
  return (await lookupAgents(adapters, ctx)).map((l) => {
    const name = `${l.agentType} data`;
    if (l.error !== null) return check(name, 'warn', l.error, `check ${overrideHint(l, rootsTypes)}`);
    const present = l.roots.filter((r) => existsSync(r));
    if (present.length > 0) return check(name, 'ok', present.join(', '));
    // Not an error (the agent may not be used here), but say where it was looked for and how to move it.
    const where =
      l.lookedIn.map((p) => tildePath(p, home)).join(', ') || 'nowhere (no default location on this system)';
    const how = overrideHint(l, rootsTypes);
    return check(name, 'ok', `not found; looked in ${where}${how === '—' ? '' : ` (elsewhere: ${how})`}`);
  });
}
