// @ts-check
// Start/stop code-server (the real VS Code workbench + Node extension host) and headless Debian Chromium via
// playwright-core, both installed OUTSIDE the repo by scripts/e2e-setup.sh (cache: PERWAL_E2E_CACHE).
// code-server runs in its own process group (detached => setsid) and is stopped with kill(-pgid): its children
// (extension hosts, file watcher, pty host) would otherwise outlive it.
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const CACHE = process.env.PERWAL_E2E_CACHE || path.join(os.homedir(), '.cache', 'perwal-e2e');
const NODE24_BIN = path.join(CACHE, 'node24', 'node_modules', 'node', 'bin');
const CODE_SERVER = path.join(CACHE, 'cs', 'node_modules', '.bin', 'code-server');
const PLAYWRIGHT = path.join(CACHE, 'pw', 'node_modules', 'playwright-core');
const CHROMIUM = process.env.PERWAL_E2E_CHROMIUM || '/usr/bin/chromium';

const SETTINGS = {
  'files.autoSave': 'off', // the web workbench defaults to afterDelay: tests would write their edits to disk
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
};

const t0 = Date.now();
const lap = (/** @type {string} */ m) => console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const a = /** @type {net.AddressInfo} */ (srv.address()); srv.close(() => resolve(a.port)); });
  });
}

function csEnv(/** @type {Record<string, string>} */ extra = {}) {
  return { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}`, ...extra };
}
const baseArgs = (/** @type {string} */ dataDir) => ['--config', '/dev/null', '--auth', 'none', '--disable-telemetry', '--disable-update-check',
  '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', path.join(dataDir, 'user'),
  '--extensions-dir', path.join(dataDir, 'extensions')];

/** code-server --install-extension <vsix> into the data dir's extensions dir (offline: a local file). */
function installExtension(/** @type {string} */ dataDir, /** @type {string} */ vsix) {
  const out = execFileSync(CODE_SERVER, [...baseArgs(dataDir), '--install-extension', vsix], { env: csEnv(), encoding: 'utf8', timeout: 120000 });
  lap('install-extension: ' + out.trim().split('\n').filter((l) => /install|success/i.test(l)).join(' | '));
}

/**
 * @param {{ dataDir: string, extraArgs?: string[], env?: Record<string, string> }} o
 * @returns {Promise<{ port: number, base: string, log: string, stop: () => Promise<void> }>}
 */
async function startCodeServer(o) {
  // Quiet, deterministic workbench: no welcome page, no chat side bar, no git scanning, no update/gallery checks.
  const settings = path.join(o.dataDir, 'user', 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  if (!fs.existsSync(settings)) fs.writeFileSync(settings, JSON.stringify(SETTINGS, null, 1));
  const port = await freePort();
  const log = path.join(o.dataDir, 'code-server.log');
  const fd = fs.openSync(log, 'w');
  const child = spawn(CODE_SERVER, [...baseArgs(o.dataDir), '--bind-addr', `127.0.0.1:${port}`, '--ignore-last-opened',
    '--reconnection-grace-time', '5', ...(o.extraArgs || [])], { detached: true, stdio: ['ignore', fd, fd], env: csEnv(o.env) });
  fs.closeSync(fd);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.pid === undefined) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const gone = new Promise((r) => (exited ? r(undefined) : child.once('exit', r)));
    const t = setTimeout(() => { try { process.kill(-/** @type {number} */ (child.pid), 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await gone; clearTimeout(t);
    // anything left in the group (extension hosts) gets SIGKILL
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group empty */ }
  };
  // Poll the health endpoint (no fixed sleep): up in ~0.5 s normally.
  const deadline = Date.now() + 60000;
  for (;;) {
    if (exited) throw new Error('code-server exited during startup; log:\n' + fs.readFileSync(log, 'utf8').slice(-3000));
    try { const r = await fetch(`${base}/healthz`); if (r.ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error('code-server /healthz not up after 60s; log: ' + log); }
    await new Promise((r) => setTimeout(r, 100));
  }
  lap(`code-server up on ${base} (pid ${child.pid}, log ${log})`);
  return { port, base, log, stop };
}

async function launchChromium() {
  const { chromium } = require(PLAYWRIGHT);
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

module.exports = { CACHE, NODE24_BIN, CODE_SERVER, PLAYWRIGHT, CHROMIUM, lap, freePort, installExtension, startCodeServer, launchChromium };
