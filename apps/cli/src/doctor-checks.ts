import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { FORMAT_DRIFT_META_KEY, isRimuruError, parseRecordedFormatDrift, type AdapterContext, type AgentAdapter } from '@rimuru/core';
import { checkSqliteIntegrity, openStore, SCHEMA_VERSION, type StoreTarget } from '@rimuru/db';
import { configPath, loadConfig } from './config.js';

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface DoctorCheck {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What the user should do; null when nothing. */
  fix: string | null;
}

const check = (name: string, status: CheckStatus, detail: string, fix: string | null = null): DoctorCheck => ({ name, status, detail, fix });

function modeCheck(name: string, path: string, wanted: number): DoctorCheck {
  const mode = statSync(path).mode & 0o777;
  // Session history names projects and paths: nobody but the owner should read it.
  if ((mode & 0o077) === 0) return check(name, 'ok', `${path} is ${mode.toString(8).padStart(4, '0')}`);
  return check(name, 'warn', `${path} is readable by others (${mode.toString(8).padStart(4, '0')})`, `chmod ${wanted.toString(8)} '${path}'`);
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

async function checkSqliteFile(path: string): Promise<DoctorCheck[]> {
  if (!existsSync(path)) {
    return [check('store', 'warn', `${path} does not exist yet`, 'run `rimuru sync` to create it')];
  }
  const checks = [modeCheck('store directory permissions', dirname(path), 0o700), modeCheck('store permissions', path, 0o600)];
  try {
    const verdict = await checkSqliteIntegrity(path);
    checks.push(
      verdict === 'ok'
        ? check('store integrity', 'ok', 'PRAGMA integrity_check: ok')
        : check('store integrity', 'fail', `PRAGMA integrity_check: ${verdict}`, 'restore a backup (`rimuru db restore <file>`) or move the file away and sync again'),
    );
  } catch (error) {
    checks.push(check('store integrity', 'fail', isRimuruError(error) ? error.message : String(error), 'restore a backup (`rimuru db restore <file>`) or move the file away and sync again'));
  }
  return checks;
}

export async function checkStore(target: StoreTarget, location: string): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = target.dialect === 'sqlite' ? await checkSqliteFile(target.path) : [];
  if (checks.some((c) => c.status === 'fail') || (target.dialect === 'sqlite' && !existsSync(target.path))) return checks;
  try {
    // migrate: false — a doctor looks, it does not change the store.
    const store = await openStore(target, { migrate: false });
    try {
      const version = await store.meta.get('schema_version');
      const sessions = await store.sessions.count({});
      const behind = version !== null && Number(version) < SCHEMA_VERSION;
      checks.push(
        check('store', behind ? 'warn' : 'ok', `${location}: schema ${version ?? '?'} of ${SCHEMA_VERSION}, ${sessions} sessions`, behind ? 'run any rimuru command to migrate it' : null),
      );
      for (const drift of parseRecordedFormatDrift(await store.meta.get(FORMAT_DRIFT_META_KEY))) {
        checks.push(check(`${drift.agentType} format`, 'warn', `${drift.message} (sync of ${drift.at})`, 'update rimuru; if it is current, report the agent version'));
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
      code === 'DB_NEWER_VERSION' ? 'upgrade rimuru'
      : code === 'DB_AUTH' ? 'check the user and password in the database URL'
      : code === 'DB_UNREACHABLE' ? 'start the server or fix the host/port in the database URL'
      : code === 'DB_CORRUPT' ? 'restore a backup (`rimuru db restore <file>`)'
      : null;
    const firstLine = message.split('\n').find((line) => line.trim() !== '')?.trim() ?? message;
    checks.push(check('store', 'fail', `${location}: ${code}: ${firstLine}`, fix));
  }
  return checks;
}

export async function checkDataRoots(adapters: readonly AgentAdapter[], ctx: AdapterContext): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  for (const adapter of adapters) {
    try {
      const roots = await adapter.roots(ctx);
      const present = roots.filter((r) => existsSync(r));
      checks.push(
        present.length > 0
          ? check(`${adapter.id} data`, 'ok', present.join(', '))
          : check(`${adapter.id} data`, 'ok', `not found (looked in ${roots.join(', ') || 'no configured root'})`),
      );
    } catch (error) {
      checks.push(check(`${adapter.id} data`, 'warn', (error as Error).message.split('\n')[0] ?? 'unreadable', 'check the data root settings of this agent'));
    }
  }
  return checks;
}
