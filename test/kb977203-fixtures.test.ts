// Fixture cases for the KB977203 preset: test/fixtures/kb977203/<case>/{input.xml, options.json} with either
// output.xml + report.json (the expected result, reviewed by hand) or error.json (the expected refusal: its code, and
// words the message must include, such as the option to give).
// UPDATE_FIXTURES=1 rewrites output.xml and report.json from the current code, for review in git diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const dir = join(FIXTURES_DIR, 'kb977203');
const update = process.env.UPDATE_FIXTURES === '1';

describe('KB977203 fixture cases', () => {
  for (const name of readdirSync(dir).sort()) {
    const at = (f: string) => join(dir, name, f);
    const input = readFileSync(at('input.xml'));
    const options = JSON.parse(readFileSync(at('options.json'), 'utf8')) as Kb977203Options;

    if (existsSync(at('error.json'))) {
      it(`${name}: refused with ${(JSON.parse(readFileSync(at('error.json'), 'utf8')) as { code: string }).code}`, () => {
        const { code, messageIncludes = [] } = JSON.parse(readFileSync(at('error.json'), 'utf8')) as { code: string; messageIncludes?: string[] };
        const doc = readTaskSequence(input);
        const error = thrown(() => applyKb977203(doc, options));
        expect(error.code).toBe(code);
        for (const words of messageIncludes) expect(error.message).toContain(words);
        // Nothing was half-applied: the document still writes back as the input.
        expect(Buffer.from(writeTaskSequence(doc)).equals(input)).toBe(true);
      });
      continue;
    }

    it(`${name}: gives the reviewed output and report, and is idempotent`, () => {
      const doc = readTaskSequence(input);
      const report = applyKb977203(doc, options);
      const out = Buffer.from(writeTaskSequence(doc));
      if (update) {
        writeFileSync(at('output.xml'), out);
        writeFileSync(at('report.json'), `${JSON.stringify(report, null, 2)}\n`);
      }
      expect(out.equals(readFileSync(at('output.xml')))).toBe(true);
      expect(report).toEqual(JSON.parse(readFileSync(at('report.json'), 'utf8')));

      const again = readTaskSequence(out);
      const second = applyKb977203(again, options);
      expect(second.changed).toBe(false);
      expect(second.changes).toEqual([]);
      expect(Buffer.from(writeTaskSequence(again)).equals(out)).toBe(true);

      // Revert gives back the input byte for byte when the input had no PATCH property and nothing of the fix was
      // already there (revert removes the fix; it leaves what an administrator wired in by hand).
      if (!/PATCH=/i.test(new TextDecoder(input[0] === 0xff ? 'utf-16le' : 'utf-8').decode(input)) && report.alreadyInPlace.length === 0 && !options.force) {
        const reverted = readTaskSequence(out);
        expect(revertKb977203(reverted, options).changed).toBe(report.changed);
        expect(Buffer.from(writeTaskSequence(reverted)).toString('latin1')).toBe(input.toString('latin1'));
      }
    });
  }
});
