// Runs publint on every workspace package that is published (not "private"), the way npm would
// pack it, and fails on any error or warning: a package that installs but cannot be imported,
// or types that point nowhere, is found here rather than by a user.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = join(import.meta.dirname, '..');
const workspaceDirs = ['apps', 'packages', 'examples'].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => join(root, group, name)),
);

const published = workspaceDirs
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => pkg.private !== true);

async function lint({ dir, pkg }) {
  const { messages } = await publint({ pkgDir: dir, level: 'warning', strict: true, pack: 'pnpm' });
  return messages.map((message) => `${pkg.name}: ${message.type}: ${formatMessage(message, pkg) ?? message.code}`);
}

// Packing is mostly waiting on child processes: a few at a time.
const lines = [];
for (let i = 0; i < published.length; i += 6) {
  for (const found of await Promise.all(published.slice(i, i + 6).map(lint))) lines.push(...found);
}
for (const line of lines) console.error(line);
const problems = lines.length;
const checked = published.length;
console.log(`publint: ${checked} packages, ${problems} problem${problems === 1 ? '' : 's'}`);
process.exit(problems === 0 ? 0 : 1);
