// Every real text: parsing never throws, the tree is lossless, and the diagnostics equal the reviewed
// golden list (test/golden/corpus). Regenerate with: UPDATE_GOLDEN=1 npm run eval
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, tokensOf } from '../../server/src/syntax';
import { goldenOf } from '../../scripts/eval-corpus';
import { corpusFiles, fixture, ROOT } from './helpers';

describe('corpus', () => {
  for (const file of corpusFiles()) {
    it(`${file}: lossless, and diagnostics match the reviewed golden list`, () => {
      const text = fixture(file);
      const result = parse(text);
      let position = 0;
      for (const token of tokensOf(result.root)) {
        assert.equal(token.start, position, `token gap at ${position}`);
        position = token.end;
      }
      assert.equal(position, text.length);
      const golden = path.join(ROOT, 'test/golden/corpus', `${path.basename(file)}.json`);
      assert.ok(existsSync(golden), `missing golden file ${golden}; run UPDATE_GOLDEN=1 npm run eval`);
      assert.deepEqual(goldenOf(text), JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});
