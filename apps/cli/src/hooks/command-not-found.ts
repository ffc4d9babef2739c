import type { Hook } from '@oclif/core';
import pc from 'picocolors';
import { closestValues } from '../suggest.js';

/**
 * A mistyped command (`rimuru sesions`): one line naming the closest commands, exit 2, like
 * every other usage error. No plugin needed: the command list is oclif's own.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- oclif's Hook type is an async function
const hook: Hook<'command_not_found'> = async function ({ id, config }) {
  // oclif joins every word typed (arguments too): `sesions show abc` arrives as sesions:show:abc.
  const words = id.split(':');
  const visible = config.commands.filter((c) => !c.hidden);
  // oclif lists an alias as a command of its own too: tell them apart.
  const aliasIds = new Set(visible.flatMap((c) => c.aliases ?? []));
  const ids = visible.filter((c) => !aliasIds.has(c.id)).map((c) => c.id.replaceAll(':', ' '));
  const aliases = [...aliasIds].map((n) => n.replaceAll(':', ' '));
  const names = [...ids, ...aliases];
  // The longest run of leading words close to a command of as many words: `sesions show` →
  // `sessions show`; otherwise the first word alone.
  let typed = words[0]!;
  let close: string[] = [];
  for (let n = words.length; n >= 1 && close.length === 0; n--) {
    typed = words.slice(0, n).join(' ');
    if (names.includes(typed)) break;
    const sameLength = (name: string) => name.split(' ').length === n;
    // A command's own name before its short alias (sessions, not also session).
    close = closestValues(typed, ids.filter(sameLength));
    if (close.length === 0) close = closestValues(typed, aliases.filter(sameLength));
  }
  // `sessions stats extra`: a real command given an argument it does not take.
  const known = words
    .map((_, i) => words.slice(0, words.length - i).join(' '))
    .find((prefix) => names.includes(prefix));
  let line: string;
  if (close.length > 0)
    line = `Unknown command "${typed}": did you mean ${close.map((c) => `rimuru ${c}`).join(' or ')}?`;
  else if (known !== undefined)
    line = `rimuru ${known} takes no argument "${words.slice(known.split(' ').length).join(' ')}" (see rimuru ${known} --help)`;
  else line = `Unknown command "${words[0]}" (rimuru --help lists every command)`;
  process.stderr.write(`${pc.red('Error:')} ${line}\n`);
  process.exitCode = 2;
};

export default hook;
