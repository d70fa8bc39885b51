// Fixture cases for every registered transform: test/fixtures/transforms/<name>/<case>/{input.xml, options.json} with
// output.xml + report.json (reviewed by hand) or error.json (the refusal: code, and words of the message).
// UPDATE_FIXTURES=1 rewrites output.xml and report.json from the current code, for review in git diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyWith, checkWith, readTaskSequence, TRANSFORMS, type TransformEntry, writeTaskSequence } from './helpers/api.js';
import { PRESETS } from '../lib/presets/index.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const root = join(FIXTURES_DIR, 'transforms');
const update = process.env.UPDATE_FIXTURES === '1';

describe('transform fixture cases', () => {
  const entries: Record<string, TransformEntry<never>> = { ...TRANSFORMS, ...PRESETS };
  it('every registered transform and preset has fixture cases, and every fixture folder is one of them', () => {
    expect(readdirSync(root).sort()).toEqual(Object.keys(entries).sort());
  });

  for (const name of readdirSync(root).sort()) {
    const entry = entries[name];
    if (!entry) continue;
    const checkTransform = (_: string, doc: Parameters<typeof checkWith>[2], o: unknown) => checkWith(name, entry, doc, o);
    const applyTransform = (_: string, doc: Parameters<typeof applyWith>[2], o: unknown) => applyWith(name, entry, doc, o);
    for (const c of readdirSync(join(root, name)).sort()) {
      const at = (f: string) => join(root, name, c, f);
      const input = readFileSync(at('input.xml'));
      const options = JSON.parse(readFileSync(at('options.json'), 'utf8')) as unknown;

      if (existsSync(at('error.json'))) {
        const { code, messageIncludes = [] } = JSON.parse(readFileSync(at('error.json'), 'utf8')) as { code: string; messageIncludes?: string[] };
        it(`${name}/${c}: check and apply both refuse with ${code}, and the document is untouched`, () => {
          const doc = readTaskSequence(input);
          const fromCheck = thrown(() => checkTransform(name, doc, options));
          const error = thrown(() => applyTransform(name, doc, options));
          expect([fromCheck.code, error.code]).toEqual([code, code]);
          for (const words of messageIncludes) expect(error.message).toContain(words);
          expect(Buffer.from(writeTaskSequence(doc)).equals(input)).toBe(true);
        });
        continue;
      }

      it(`${name}/${c}: check reports what apply then does; the output is the reviewed one; applying again changes nothing`, () => {
        const doc = readTaskSequence(input);
        const check = checkTransform(name, doc, options);
        expect(Buffer.from(writeTaskSequence(doc)).equals(input)).toBe(true);
        const report = applyTransform(name, doc, options);
        expect(report).toEqual(check);
        const out = Buffer.from(writeTaskSequence(doc));
        if (update) {
          writeFileSync(at('output.xml'), out);
          writeFileSync(at('report.json'), `${JSON.stringify(report, null, 2)}\n`);
        }
        expect(out.equals(readFileSync(at('output.xml')))).toBe(true);
        expect(report).toEqual(JSON.parse(readFileSync(at('report.json'), 'utf8')));
        const again = readTaskSequence(out);
        expect(applyTransform(name, again, options).changes).toEqual([]);
        expect(Buffer.from(writeTaskSequence(again)).equals(out)).toBe(true);
      });
    }
  }
});
