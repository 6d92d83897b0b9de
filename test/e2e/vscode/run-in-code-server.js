// @ts-check
// Run the extension test suite (mocha, test/e2e/vscode/suite) inside code-server's extension host -- the
// @vscode/test-electron model without desktop VS Code:
//   code-server --vscode-option enable-smoke-test-driver   (without it a built workbench IGNORES the payload)
//   open /?folder=WS&payload=[["extensionDevelopmentPath","vscode-remote://HOST:PORT/EXT"],["extensionTestsPath","vscode-remote://HOST:PORT/SUITE"]]
//   the workbench calls window.codeAutomationExit(code) when the tests are done -> our exit code.
// usage: node run-in-code-server.js --ext DIR --tests SUITE_INDEX --workspace DIR --out DIR [--data DIR] [--keep]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const cs = require('../lib/code-server');

const argv = process.argv.slice(2);
/** @type {(n: string, d?: string) => string | undefined} */
const arg = (n, d) => { const i = argv.indexOf('--' + n); return i >= 0 ? argv[i + 1] : d; };
const EXT = path.resolve(/** @type {string} */ (arg('ext', path.resolve(__dirname, '../../..'))));
const TESTS = path.resolve(/** @type {string} */ (arg('tests', path.join(__dirname, 'suite', 'index')))).replace(/\.js$/, '');
const WS = path.resolve(/** @type {string} */ (arg('workspace')));
const OUT = path.resolve(/** @type {string} */ (arg('out', path.resolve(__dirname, '../screenshots'))));
const DATA = arg('data') || fs.mkdtempSync(path.join(os.tmpdir(), 'perwal-e2e-cs-'));
const TIMEOUT = Number(process.env.PERWAL_E2E_SUITE_TIMEOUT_MS || 300000);
const RESULT = path.join(DATA, 'vscode-results.json');

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const mocha11 = path.join(cs.CACHE, 'tools', 'node_modules', 'mocha');
  const server = await cs.startCodeServer({
    dataDir: DATA, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    env: { PERWAL_E2E_RESULT: RESULT, ...(fs.existsSync(mocha11) ? { PERWAL_E2E_MOCHA: mocha11 } : {}) },
  });
  let code = /** @type {number | string} */ ('not run');
  const browser = await cs.launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    /** @type {(c: number) => void} */ let resolveExit = () => {};
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ c) => { cs.lap(`codeAutomationExit(${c})`); resolveExit(c); });
    page.on('pageerror', (/** @type {Error} */ e) => console.log('  [pageerror]', e.message.slice(0, 300)));
    if (process.env.VERBOSE) page.on('console', (/** @type {any} */ m) => console.log('  [browser]', m.text().slice(0, 300)));
    const remote = `vscode-remote://127.0.0.1:${server.port}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', remote + EXT], ['extensionTestsPath', remote + TESTS]]);
    await page.goto(`${server.base}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(payload)}`);
    cs.lap(`workbench opened: ext=${EXT} tests=${TESTS} folder=${WS}`);
    /** @type {NodeJS.Timeout | undefined} */ let timer;
    code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('timeout'), TIMEOUT); })]);
    clearTimeout(timer);
    await page.screenshot({ path: path.join(OUT, 'vscode-ext-tests.png') }).catch(() => {});
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  // Report what mocha saw (written by suite/index.js inside the extension host).
  if (fs.existsSync(RESULT)) {
    const r = JSON.parse(fs.readFileSync(RESULT, 'utf8'));
    fs.copyFileSync(RESULT, path.join(OUT, 'vscode-results.json'));
    for (const t of r.results) {
      console.log(`    ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}${t.ms !== undefined ? ` (${t.ms}ms)` : ''}`);
      if (t.err) console.log('         ' + t.err.split('\n').join('\n         '));
    }
    const n = (/** @type {string} */ s) => r.results.filter((/** @type {any} */ t) => t.state === s).length;
    console.log(`  mocha in extension host: ${n('passed')} passing, ${n('failed')} failing, ${n('pending')} pending`);
  } else {
    console.log(`  no result file from the extension host (${RESULT}); the suite never ran or crashed before the end.`);
  }
  const ok = code === 0;
  if (ok && !argv.includes('--keep')) fs.rmSync(DATA, { recursive: true, force: true });
  else console.log(`  logs kept: ${DATA}/code-server.log, ${DATA}/user/logs/*/exthost*/remoteexthost.log`);
  cs.lap('extension tests exit code: ' + code);
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error('  run-in-code-server error:', e && e.stack || e); process.exit(1); });
