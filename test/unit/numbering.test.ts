import * as assert from 'node:assert/strict';
import { isSuccessor, isSuccessorText, normaliseKey, ordinalToInt, parseArabic, parseLetter, parseOrdinal, parseRoman, romanToInt, successorTexts, intToOrdinal } from '../../server/src/syntax';

describe('numbering', () => {
  it('isSuccessor (with its fast paths for Arabic numbers and single letters) answers as its definition does', () => {
    const texts = ['1', '2', '3', '9', '10', '11', '06', '5', '5A', '5B', '5Z', '5AA', '6', '5a', '5b', '5z', '12a', '12b', '13', '99', '100', '100A', '101'];
    const numbers = [
      ...texts.flatMap((text) => [parseArabic(text), parseArabic(text, false)]),
      ...['a', 'b', 'c', 'y', 'z', 'A', 'B', 'aa', 'ab', 'bb'].map((text) => parseLetter(text)),
      ...['I', 'II', 'IX', 'X', 'IXA'].map((text) => parseRoman(text)),
      ...['Kesatu', 'Kedua', 'Kedua A'].map((text) => parseOrdinal(text)),
    ].filter((number) => number !== undefined);
    let successors = 0;
    for (const previous of numbers) {
      for (const next of numbers) {
        const expected = isSuccessorText(previous, normaliseKey(next.text));
        assert.equal(isSuccessor(previous, next), expected, `${previous.text} → ${next.text}`);
        if (expected) successors++;
      }
    }
    assert.ok(successors > 10, 'the pairs include successors');
  });
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
