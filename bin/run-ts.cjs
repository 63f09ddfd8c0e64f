#!/usr/bin/env node
// Runs a TypeScript script (argv[2]) through tsx: `node bin/run-ts.cjs scripts/bench.ts …`.
const path = require('node:path');
require('tsx/cjs/api').register();
const script = path.resolve(process.argv[2]);
process.argv.splice(1, 2, script);
require(script);
