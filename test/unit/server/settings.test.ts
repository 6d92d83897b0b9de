// Settings validation: a bad value costs only that setting, and the warning names it and the default.

import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, parseSettings, settingsWarning } from '../../../server/src/server/settings';

describe('settings', () => {
  it('accepts a valid section and fills in defaults', () => {
    const { settings, problems } = parseSettings({ debounceMs: 0, severity: { 'numbering-gap': 'off' }, locale: 'id' });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, { ...DEFAULT_SETTINGS, debounceMs: 0, severity: { 'numbering-gap': 'off' }, locale: 'id' });
    assert.deepEqual(parseSettings(undefined).settings, DEFAULT_SETTINGS);
    assert.deepEqual(parseSettings(null).settings, DEFAULT_SETTINGS);
  });

  it('keeps the good values when some are bad, and names each bad one', () => {
    const { settings, problems } = parseSettings({ maxFileSizeMB: 0, debounceMs: 1.5, detectLanguage: 'yes', locale: 'auto', severity: { 'duplicate-number': 'warning', 'numbering-gap': 7, bogus: 'off' } });
    assert.equal(settings.maxFileSizeMB, 20);
    assert.equal(settings.debounceMs, 150);
    assert.equal(settings.detectLanguage, true);
    assert.deepEqual(settings.severity, { 'duplicate-number': 'warning' });
    assert.deepEqual(problems.map((problem) => problem.setting), ['perwal.severity.numbering-gap', 'perwal.severity.bogus', 'perwal.maxFileSizeMB', 'perwal.debounceMs', 'perwal.detectLanguage']);
    const english = settingsWarning(problems, 'en')!;
    assert.match(english, /^Perwal: invalid settings — /);
    assert.match(english, /perwal\.maxFileSizeMB = 0 is not valid \(expected a positive number of megabytes\); using the default 20/);
    assert.match(settingsWarning(problems, 'id')!, /perwal\.debounceMs = 1\.5 tidak valid .*memakai bawaan 150/);
  });

  it('never throws, whatever the client sends', () => {
    for (const raw of [42, 'perwal', [], [1, 2], { severity: [] }, { severity: 'off' }, { maxFileSizeMB: Infinity }, { debounceMs: -1 }, { locale: { en: true } }]) {
      const { settings, problems } = parseSettings(raw);
      assert.ok(settings && problems.length > 0, JSON.stringify(raw));
    }
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    assert.equal(parseSettings({ locale: circular }).settings.locale, 'auto');
    assert.equal(settingsWarning([], 'en'), undefined);
  });
});
