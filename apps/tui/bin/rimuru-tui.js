#!/usr/bin/env node
import { main } from '../dist/index.js';

// Exit explicitly: a store driver or a stray handle must not keep a quit TUI alive.
process.exit(await main(process.argv.slice(2)));
