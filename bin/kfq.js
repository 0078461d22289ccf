#!/usr/bin/env node
// CommonJS (bin/package.json says so), not an ES module: Node starts a
// CommonJS entry ~8 ms sooner.
// dist/ is built by `npm install` (the prepare script).
require('../dist/boot.cjs').run(require('node:path').join(__dirname, '..', 'dist'));
