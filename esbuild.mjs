// Bundles the extension client, the language server and (when present) the CLI into dist/.
// Bundling resolves the vscode-languageserver / vscode-jsonrpc exports maps once, at build time, so
// `node dist/server.js --stdio` works without node_modules. `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  // Prefer the CommonJS entry of dual packages: a bundle of CommonJS needs no interop shims.
  mainFields: ['main', 'module'],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server/server.ts'], outfile: 'dist/server.js' },
  // The worker thread that computes the structure of documents over the size limit (server/structure-worker.ts).
  { entryPoints: ['server/src/server/structure-worker.ts'], outfile: 'dist/structure-worker.js' },
  // The stdio launcher behind bin/perwal-language-server.js (server/src/launch/main.ts).
  { entryPoints: ['server/src/launch/main.ts'], outfile: 'dist/launch.js' },
];
if (existsSync('server/src/cli/main.ts')) entries.push({ entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' });

if (watch) {
  const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log(`esbuild: watching ${entries.length} bundles`);
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
