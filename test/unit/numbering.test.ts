import * as assert from 'node:assert/strict';
import { isSuccessor, ordinalToInt, parseArabic, parseLetter, parseOrdinal, parseRoman, romanToInt, successorTexts, intToOrdinal } from '../../server/src/syntax';

describe('numbering', () => {
  it('reads Roman numerals canonically only', () => {
    assert.equal(romanToInt('IX'), 9);
    assert.equal(romanToInt('XIV'), 14);
    assert.equal(romanToInt('IIII'), undefined);
    assert.equal(parseRoman('IXA')?.suffix, 'A');
    assert.equal(parseRoman('IXA')?.base, 9);
  });
  it('reads Bagian ordinals, including belas, puluh and inserted letters', () => {
    assert.equal(ordinalToInt('Kesatu'), 1);
    assert.equal(ordinalToInt('Pertama'), 1);
    assert.equal(ordinalToInt('Kesebelas'), 11);
    assert.equal(ordinalToInt('Kedua Belas'), 12);
    assert.equal(ordinalToInt('Kedua Puluh Satu'), 21);
    assert.equal(parseOrdinal('Kedua A')?.text, 'Kedua A');
    assert.equal(intToOrdinal(13), 'Ketiga Belas');
  });
  it('orders inserted numbers between their neighbours', () => {
    const five = parseArabic('5')!;
    assert.ok(isSuccessor(five, parseArabic('6')!));
    assert.ok(isSuccessor(five, parseArabic('5A')!));
    assert.ok(isSuccessor(parseArabic('5A')!, parseArabic('5B')!));
    assert.ok(isSuccessor(parseArabic('5A')!, parseArabic('6')!));
    assert.ok(!isSuccessor(five, parseArabic('7')!));
    assert.ok(isSuccessor(parseArabic('1', false)!, parseArabic('1a', false)!));
  });
  it('continues letters after z both ways (aa, bb or aa, ab)', () => {
    assert.deepEqual(successorTexts(parseLetter('z')!), ['aa']);
    assert.deepEqual(successorTexts(parseLetter('aa')!).sort(), ['ab', 'bb']);
    assert.deepEqual(successorTexts(parseLetter('bb')!), ['cc']);
    assert.deepEqual(successorTexts(parseLetter('ab')!), ['ac']);
  });
});
