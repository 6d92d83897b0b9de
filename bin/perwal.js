#!/usr/bin/env node
// The perwal CLI; the bundle is built by `npm run build` (run automatically by `npm ci`).
require('../dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
