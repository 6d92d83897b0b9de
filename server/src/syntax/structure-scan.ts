// The fast scan behind the structure-only parse (documents over perwal.maxFileSizeMB). Which lines can the
// headings-only parser treat as more than plain text?
//   - a line whose body (after the leading spacing and markdown decoration the parser strips) starts with a
//     clean heading keyword: headings-only accepts no damaged keyword ("asal", "Pasa]", "BABV"), so a heading
//     there needs Pasal/PASAL, BAB/Bab, Bagian/BAGIAN, Paragraf/PARAGRAF or BUKU/Buku;
//   - a line containing an ellipsis ("...", "…", ". . ."): page catchwords and lost-page prefixes
//     ("3. Persetujuan... Bagian Kedua ...") need one, and the parser handles them even in headings-only mode;
//   - a line whose heading keyword follows a page number that lost its closing dash ("- 11 BAB II", "-3Pasal 3");
//   - the lines after a heading that is still open (a BAB's title on the next lines): the caller sees the
//     heading open and goes line by line until it is closed.
// Every other line only adds tokens to the node that is open, so the caller emits the run of such lines as one
// text token instead of running the per-line machinery on each. The candidates are a superset: each still goes
// through the normal per-line parse, which decides, so the structure is exactly the per-line headings-only one.

// The same leading characters as the parser's line lead ([ \t\u00a0 and control characters], `**`, `-*•>#·"“`, a colon
// before spacing), and any colon: a superset.
// Linear: each attempt starts at a line break and reads only that line's lead, which contains no line break.
const AFTER_BREAK = /[\r\n][ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f*•>#·"“:-]*(?:[0-9]{1,4}[ \t]*(?:-[ \t]*)?)?(?:Pasal|PASAL|BAB|Bab|Bagian|BAGIAN|Paragraf|PARAGRAF|BUKU|Buku)|\.\.\.|…|\.\s\.\s\./g;
const AT_LINE_START = /[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f*•>#·"“:-]*(?:[0-9]{1,4}[ \t]*(?:-[ \t]*)?)?(?:Pasal|PASAL|BAB|Bab|Bagian|BAGIAN|Paragraf|PARAGRAF|BUKU|Buku)/y;

/**
 * The start of the first line at or after `from` (a line start) that may be more than plain text to the
 * headings-only parser, or `source.length` when there is none.
 */
export function nextStructureLine(source: string, from: number): number {
  if (from >= source.length) return source.length;
  let searchFrom = from;
  if (from === 0) {
    AT_LINE_START.lastIndex = 0;
    if (AT_LINE_START.test(source)) return 0;
  } else {
    // `from` is a line start, so the character before it is the line break that AFTER_BREAK begins with.
    searchFrom = from - 1;
  }
  AFTER_BREAK.lastIndex = searchFrom;
  const match = AFTER_BREAK.exec(source);
  if (!match) return source.length;
  const first = source.charCodeAt(match.index);
  // A heading keyword after a break ("\r" of "\r\n" cannot be followed directly by a keyword).
  if (first === 10 || first === 13) return match.index + 1;
  // An ellipsis: the line that contains it.
  let start = match.index;
  while (start > from) {
    const code = source.charCodeAt(start - 1);
    if (code === 10 || code === 13) break;
    start--;
  }
  return start;
}
