#!/usr/bin/env node
// Static checks for the editor assets that VS Code loads as data, where a typo fails silently:
// snippets/perwal.json, language-configuration.json and syntaxes/perwal.tmLanguage.json.
// Usage: node scripts/check-snippets.mjs   (exit code 1 on any failure)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;

function check(name, fn) {
  try {
    fn();
    passed++;
  } catch (err) {
    failed++;
    console.error(`FAIL ${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function readJson(rel) {
  const text = readFileSync(join(root, rel), 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${rel} is not valid JSON: ${err.message}`);
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// Variables VS Code resolves in snippets; anything else is inserted literally, which is a bug here.
const SNIPPET_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER',
  'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD',
  'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM', 'RANDOM_HEX', 'UUID',
  'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

/**
 * Parses a snippet body with the TextMate/VS Code snippet grammar and records its tab stops.
 * Returns { stops: Map<number, string[]> } where each entry lists the defaults seen for a stop
 * ('' for a bare $n, '|a,b|' for a choice). Throws on syntax errors.
 */
function parseSnippet(body) {
  const stops = new Map();
  let i = 0;
  const note = (n, def) => {
    if (!stops.has(n)) stops.set(n, []);
    stops.get(n).push(def);
  };
  const readUntil = (stopChar) => {
    // Raw text up to an unescaped stopChar outside ${...} (formats nest ${1:/upcase}); leaves i after it.
    let out = '';
    let braces = 0;
    while (i < body.length && (body[i] !== stopChar || braces > 0)) {
      if (body[i] === '\\' && i + 1 < body.length) { out += body[i] + body[i + 1]; i += 2; continue; }
      if (body[i] === '$' && body[i + 1] === '{') braces++;
      else if (body[i] === '}' && braces > 0) braces--;
      out += body[i++];
    }
    if (body[i] !== stopChar) throw new Error(`unterminated transform near "${body.slice(0, 40)}"`);
    i++;
    return out;
  };
  const transform = () => {
    // After "/": regex / format / options }
    const re = readUntil('/');
    readUntil('/');
    const opts = readUntil('}');
    assert(/^[gimsuy]*$/.test(opts), `bad transform options "${opts}"`);
    new RegExp(re, opts); // throws on a bad regex
  };
  // Parses text until the closing "}" of the current placeholder (depth > 0) or the end.
  const any = (depth) => {
    const start = i;
    while (i < body.length) {
      const c = body[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '}' && depth > 0) { const text = body.slice(start, i); i++; return text; }
      if (c !== '$') { i++; continue; }
      i++;
      const num = /^\d+/.exec(body.slice(i));
      const name = /^[A-Z_][A-Z_0-9]*/.exec(body.slice(i));
      if (num) { note(+num[0], ''); i += num[0].length; continue; }
      if (name) {
        assert(SNIPPET_VARIABLES.has(name[0]), `unknown snippet variable $${name[0]}`);
        i += name[0].length;
        continue;
      }
      assert(body[i] === '{', `lone "$" at offset ${i - 1}; escape it as \\$`);
      i++;
      const n2 = /^\d+/.exec(body.slice(i));
      const v2 = /^[A-Z_][A-Z_0-9]*/.exec(body.slice(i));
      if (n2) {
        const n = +n2[0];
        i += n2[0].length;
        const k = body[i++];
        if (k === '}') note(n, '');
        else if (k === ':') note(n, any(depth + 1));
        else if (k === '|') {
          const end = body.indexOf('|}', i);
          assert(end > i, `unterminated choice for tab stop ${n}`);
          const opts = body.slice(i, end);
          assert(opts.split(',').every((o) => o.length > 0), `empty option in choice ${n}`);
          note(n, `|${opts}|`);
          i = end + 2;
        } else if (k === '/') {
          transform();
          note(n, null); // a mirror with a transform has no default of its own
        } else throw new Error(`unexpected "${k}" after \${${n}`);
      } else if (v2) {
        assert(SNIPPET_VARIABLES.has(v2[0]), `unknown snippet variable \${${v2[0]}}`);
        i += v2[0].length;
        const k = body[i++];
        if (k === ':') any(depth + 1);
        else if (k === '/') transform();
        else assert(k === '}', `unexpected "${k}" after \${${v2[0]}`);
      } else throw new Error(`bad "\${" at offset ${i - 2}`);
    }
    assert(depth === 0, 'unbalanced "${": missing "}"');
    return body.slice(start);
  };
  any(0);
  return { stops };
}

// ---- snippets ----------------------------------------------------------------------------------
let snippets = {};
check('snippets/perwal.json parses', () => { snippets = readJson('snippets/perwal.json'); });
const seenPrefixes = new Map();
for (const [name, snip] of Object.entries(snippets)) {
  check(`snippet "${name}"`, () => {
    const prefixes = Array.isArray(snip.prefix) ? snip.prefix : [snip.prefix];
    assert(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && /^[\w-]+$/.test(p)), 'prefix must be one or more words');
    for (const p of prefixes) {
      assert(!seenPrefixes.has(p), `prefix "${p}" also used by "${seenPrefixes.get(p)}"`);
      seenPrefixes.set(p, name);
    }
    assert(typeof snip.description === 'string' && snip.description.length > 0, 'missing description');
    const lines = Array.isArray(snip.body) ? snip.body : [snip.body];
    assert(lines.every((l) => typeof l === 'string'), 'body must be a string or an array of strings');
    const { stops } = parseSnippet(lines.join('\n'));
    // Tab stops are visited in number order: 1..N must have no gaps.
    const nums = [...stops.keys()].filter((n) => n > 0).sort((a, b) => a - b);
    nums.forEach((n, k) => assert(n === k + 1, `tab stops jump from ${nums[k - 1] ?? 0} to ${n}`));
    // Mirrors of one stop must agree, or VS Code silently keeps only the first default.
    for (const [n, defs] of stops) {
      const given = [...new Set(defs.filter((d) => d !== null && d !== ''))];
      assert(given.length <= 1, `tab stop ${n} has different defaults: ${given.join(' / ')}`);
    }
    // Drafting conventions that a template must not get wrong (shared/DRAFTING-RULES.md).
    for (const l of lines) {
      assert(!/MEMUTUSKAN\s+:/.test(l), 'MEMUTUSKAN takes the colon directly (rule 54)');
      assert(!/^\(\d+\)\./.test(l), 'an ayat label has no trailing dot (rule 82)');
      assert(!/\s$/.test(l), `trailing whitespace in "${l}"`);
    }
  });
}
check('expected snippet prefixes exist', () => {
  for (const p of ['perwal', 'bab', 'bagian', 'paragraf', 'pasal', 'ayat', 'huruf', 'penjelasan', 'menimbang', 'mengingat', 'penutup']) {
    assert(seenPrefixes.has(p), `no snippet with prefix "${p}"`);
  }
});

// ---- language configuration --------------------------------------------------------------------
let conf = {};
check('language-configuration.json parses', () => { conf = readJson('language-configuration.json'); });
check('language-configuration: line comment is %%', () => {
  assert(conf.comments?.lineComment === '%%', 'comments.lineComment must be "%%" (suppression comments)');
  assert(conf.comments?.blockComment === undefined, 'there is no block comment syntax');
});
check('language-configuration: bracket and quote pairs', () => {
  for (const pair of conf.brackets ?? []) assert(Array.isArray(pair) && pair.length === 2, `bad bracket pair ${JSON.stringify(pair)}`);
  for (const p of conf.autoClosingPairs ?? []) assert(typeof p.open === 'string' && typeof p.close === 'string', `bad autoClosingPair ${JSON.stringify(p)}`);
  for (const pair of conf.surroundingPairs ?? []) assert(Array.isArray(pair) && pair.length === 2, `bad surrounding pair ${JSON.stringify(pair)}`);
});
check('language-configuration: wordPattern keeps 5A, IXA and (1a) whole', () => {
  const source = typeof conf.wordPattern === 'string' ? conf.wordPattern : conf.wordPattern?.pattern;
  assert(typeof source === 'string', 'missing wordPattern');
  const re = new RegExp(source, 'g');
  const words = (s) => s.match(re) ?? [];
  for (const [text, word] of [['Pasal 5A', '5A'], ['BAB IXA', 'IXA'], ['ayat (1a) huruf b', '(1a)'], ['Undang-Undang', 'Undang-Undang']]) {
    assert(words(text).includes(word), `"${text}" should yield the word "${word}", got ${JSON.stringify(words(text))}`);
  }
});

// ---- grammar -----------------------------------------------------------------------------------
let grammar = {};
check('syntaxes/perwal.tmLanguage.json parses', () => { grammar = readJson('syntaxes/perwal.tmLanguage.json'); });
check('grammar: scopeName and includes resolve', () => {
  assert(grammar.scopeName === 'source.perwal', `scopeName is ${grammar.scopeName}`);
  const repo = grammar.repository ?? {};
  const walk = (node, where) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, where));
    if (!node || typeof node !== 'object') return;
    if (typeof node.include === 'string' && node.include.startsWith('#')) {
      assert(node.include.slice(1) in repo, `${where}: include ${node.include} is not in the repository`);
    }
    for (const [k, v] of Object.entries(node)) if (typeof v === 'object') walk(v, `${where}.${k}`);
  };
  walk(grammar.patterns, 'patterns');
  walk(repo, 'repository');
});

console.log(`check-snippets: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
