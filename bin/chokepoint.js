#!/usr/bin/env node
'use strict';
// The `chokepoint` command: runs the TypeScript sources directly through @swc-node/register (no build
// step), with the repository's tsconfig paths, from whatever directory it is started in.
const { join } = require('node:path');

const root = join(__dirname, '..');
// The CLI's own tsconfig (the root one minus the file globbing of every folder) keeps start-up short.
process.env.SWC_NODE_PROJECT =
  process.env.SWC_NODE_PROJECT || join(root, 'apps', 'cli', 'tsconfig.runtime.json');
require('@swc-node/register');
require(join(root, 'apps', 'cli', 'src', 'main.ts')).main();
