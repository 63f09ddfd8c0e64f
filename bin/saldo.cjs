#!/usr/bin/env node
// The `saldo` command line runs its TypeScript sources through tsx, so a clean checkout works
// right after `npm ci` with no build step.
require('tsx/cjs/api').register();
require('../electron/cli/main.ts');
