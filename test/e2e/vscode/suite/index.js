// @ts-check
// Entry point loaded by the extension host (extensionTestsPath): runs the mocha suite and resolves/rejects.
// Works under @vscode/test-electron (desktop VS Code) and under code-server (scripts/e2e-run.sh).
'use strict';
const fs = require('fs');
const path = require('path');

/** Mocha: a CommonJS copy from the e2e cache (PERWAL_E2E_MOCHA, set by scripts/e2e-run.sh) or the repo's devDependency. */
function loadMocha() {
  const candidates = [process.env.PERWAL_E2E_MOCHA, 'mocha'].filter(Boolean);
  let lastErr;
  for (const c of candidates) {
    try { const m = require(/** @type {string} */ (c)); return m.default || m; } catch (e) { lastErr = e; }
  }
  throw new Error('cannot load mocha (run npm ci, or npm run e2e:setup): ' + lastErr);
}

exports.run = async function run() {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: Number(process.env.PERWAL_E2E_TEST_TIMEOUT_MS || 60000), reporter: 'spec' });
  const grep = process.env.PERWAL_E2E_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  if (typeof mocha.loadFilesAsync === 'function') await mocha.loadFilesAsync();
  /** @type {{ title: string, state: string, ms?: number, err?: string }[]} */
  const results = [];
  const failures = await new Promise((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (/** @type {any} */ t) => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (/** @type {any} */ t, /** @type {any} */ e) => results.push({ title: t.fullTitle(), state: 'failed', err: String(e && e.stack || e).split('\n').slice(0, 6).join('\n') }));
    runner.on('pending', (/** @type {any} */ t) => results.push({ title: t.fullTitle(), state: 'pending' }));
  });
  // The code-server extension host's stdout is not the terminal: leave a machine-readable report for the runner.
  const out = process.env.PERWAL_E2E_RESULT;
  if (out) { fs.mkdirSync(path.dirname(out), { recursive: true }); fs.writeFileSync(out, JSON.stringify({ failures, results }, null, 1)); }
  if (failures > 0) throw new Error(`${failures} extension test(s) failed`);
};
