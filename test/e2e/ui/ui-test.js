// @ts-check
// UI test of the PACKAGED extension: install the .vsix into a fresh code-server, open a seed regulation in the
// real workbench (headless Chromium via playwright-core), and check what a user sees:
//   status bar language mode "Perwal", the Problems panel listing the duplicate Pasal 14 (line 424),
//   the Outline view showing "BAB I" ... ; screenshots go to test/e2e/screenshots/.
// usage: node ui-test.js --vsix FILE --workspace DIR [--out DIR] [--file NAME] [--keep]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const cs = require('../lib/code-server');

const argv = process.argv.slice(2);
/** @type {(n: string, d?: string) => string | undefined} */
const arg = (n, d) => { const i = argv.indexOf('--' + n); return i >= 0 ? argv[i + 1] : d; };
const VSIX = path.resolve(/** @type {string} */ (arg('vsix')));
const WS = path.resolve(/** @type {string} */ (arg('workspace')));
const OUT = path.resolve(/** @type {string} */ (arg('out', path.resolve(__dirname, '../screenshots'))));
const FILE = arg('file', process.env.PERWAL_E2E_UI_FILE || 'bekasi-perwal-121-2021.perwal');
const GOTO = process.env.PERWAL_E2E_UI_GOTO || '424';
const MODE = process.env.PERWAL_E2E_UI_MODE || 'Perwal';
const PROBLEM_LINE = process.env.PERWAL_E2E_UI_PROBLEM || 'Ln 424';
const OUTLINE = (process.env.PERWAL_E2E_UI_OUTLINE || 'BAB I,BAB II,BAB III').split(',').filter(Boolean);
const DATA = fs.mkdtempSync(path.join(os.tmpdir(), 'perwal-e2e-ui-'));
const W = 30000;

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  cs.installExtension(DATA, VSIX);
  const server = await cs.startCodeServer({ dataDir: DATA });
  const browser = await cs.launchChromium();
  const failures = [];
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const shot = async (/** @type {string} */ name) => { const p = path.join(OUT, name); await page.screenshot({ path: p }); cs.lap('screenshot ' + p); };
  /** Run one check; a failure is recorded and the next checks still run (each gets its own screenshot). */
  const check = async (/** @type {string} */ name, /** @type {() => Promise<string>} */ fn) => {
    try { cs.lap(`ok   ${name}: ${await fn()}`); }
    catch (e) { failures.push(name); cs.lap(`FAIL ${name}: ${String(/** @type {Error} */ (e).message).split('\n')[0]}`); }
  };
  try {
    await page.goto(`${server.base}/?folder=${encodeURIComponent(WS)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    cs.lap('workbench loaded');
    await check('open ' + FILE + ' from the Explorer', async () => {
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE });
      await row.waitFor({ timeout: 60000 });
      await row.dblclick();
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: W });
      return 'editor open';
    });
    await check(`status bar language mode is "${MODE}"`, async () => {
      const mode = page.locator('#status\\.editor\\.mode');
      await mode.filter({ hasText: MODE }).waitFor({ timeout: W });
      return await mode.innerText();
    });
    await check(`Problems panel lists the duplicate Pasal 14 (${PROBLEM_LINE})`, async () => {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.first().waitFor({ timeout: W });
      const dup = rows.filter({ hasText: PROBLEM_LINE });
      await dup.first().waitFor({ timeout: W });
      const texts = (await rows.allInnerTexts()).map((/** @type {string} */ t) => t.replace(/\s+/g, ' ').trim());
      const row = (await dup.first().innerText()).replace(/\s+/g, ' ');
      if (process.env.PERWAL_E2E_UI_PROBLEM_TEXT && !new RegExp(process.env.PERWAL_E2E_UI_PROBLEM_TEXT).test(row)) throw new Error('unexpected row: ' + row);
      console.log('       problems rows: ' + JSON.stringify(texts));
      return row;
    });
    await check(`Outline shows ${OUTLINE.join(', ')}`, async () => {
      const outline = page.locator('.outline-pane .monaco-list-row');
      const header = page.locator('.pane-header', { hasText: 'Outline' });
      if (!(await outline.first().isVisible().catch(() => false))) await header.click();
      await outline.first().waitFor({ timeout: W });
      // The outline opens expanded (BAB I > Pasal 1 > angka ...): collapse it so the BABs are the visible rows.
      await header.hover();
      await header.locator('.codicon-collapse-all').click({ timeout: 5000 }).catch(() => {});
      await page.mouse.move(700, 300); // no tooltip over the screenshot
      // a row's textContent is name + detail glued together ("BAB IKETENTUAN UMUM"): match the name exactly, not as a prefix of "BAB II"
      const esc = (/** @type {string} */ n) => n.replace(/[()]/g, '\\$&');
      for (const name of OUTLINE) await outline.filter({ hasText: new RegExp(`^\\s*${esc(name)}(?![IVXLC0-9])`) }).first().waitFor({ timeout: W });
      return JSON.stringify((await outline.allInnerTexts()).map((/** @type {string} */ t) => t.replace(/\s+/g, ' ').trim()).slice(0, 12));
    });
    // Put the cursor on the duplicate heading so the screenshot shows it with its squiggle next to the panel.
    if (!failures.length) {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+g');
      await page.keyboard.type(GOTO);
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ timeout: 5000 }).catch(() => {});
    }
    await shot('ui-problems.png');
  } catch (e) {
    failures.push('workbench');
    console.log('  FAIL ' + String(/** @type {Error} */ (e).message).split('\n')[0]);
    await shot('ui-failure.png').catch(() => {});
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  if (failures.length === 0 && !argv.includes('--keep')) fs.rmSync(DATA, { recursive: true, force: true });
  else console.log(`  logs kept: ${DATA}/code-server.log`);
  cs.lap(failures.length ? `UI test FAILED: ${failures.join('; ')}` : 'UI test passed');
  process.exit(failures.length ? 1 : 0);
})().catch((e) => { console.error('  ui-test error:', e && e.stack || e); process.exit(1); });
