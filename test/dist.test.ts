// The built package (what npm install leaves and what `import 'cmts'` loads) behaves as the sources do.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as built from 'cmts';
import * as source from '../lib/index.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

describe('the built package', () => {
  it('exports what the sources export', () => {
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
  });

  it('gives the same KB977203 output as the sources for every fixture case', () => {
    const dir = join(FIXTURES_DIR, 'kb977203');
    for (const name of readdirSync(dir)) {
      const input = readFileSync(join(dir, name, 'input.xml'));
      const options = JSON.parse(readFileSync(join(dir, name, 'options.json'), 'utf8')) as source.Kb977203Options;
      const run = (lib: typeof source) => {
        try {
          const doc = lib.readTaskSequence(input);
          lib.applyKb977203(doc, options);
          return Buffer.from(lib.writeTaskSequence(doc)).toString('base64');
        } catch (e) {
          return (e as source.TaskSequenceError).code;
        }
      };
      expect(run(built as unknown as typeof source), name).toBe(run(source));
    }
  });

  it('round-trips the examples byte for byte', () => {
    for (const f of readdirSync(resolve('examples')).filter((x) => x.endsWith('.xml'))) {
      const bytes = readFileSync(resolve('examples', f));
      expect(Buffer.from(built.writeTaskSequence(built.readTaskSequence(bytes))).equals(bytes), f).toBe(true);
    }
  });
});
