// @ts-check
// Desktop VS Code runner (@vscode/test-electron) for the same suite that scripts/e2e-run.sh runs inside code-server.
// Use it where VS Code can be downloaded:  node test/e2e/vscode/runTest.js   (needs `npm run build` first)
// Not used on machines without access to update.code.visualstudio.com (there, `npm run e2e` uses code-server).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

async function main() {
  const root = path.resolve(__dirname, '../../..');
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'perwal-e2e-ws-'));
  fs.cpSync(path.join(root, 'test/e2e/workspace'), ws, { recursive: true }); // tests edit documents: work on a copy
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'perwal-e2e-ud-'));
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: process.env.PERWAL_E2E_EXT || root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userData}`],
      extensionTestsEnv: { PERWAL_E2E_RESULT: path.join(root, 'test/e2e/screenshots/vscode-results.json') },
    });
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(userData, { recursive: true, force: true });
  }
}
main().catch((err) => { console.error('VS Code extension tests failed:', err); process.exit(1); });
