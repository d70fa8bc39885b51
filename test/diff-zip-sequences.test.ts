// cmts diff of export .zip files that hold a parent and its child sequences: each sequence is compared with the one
// the other .zip holds under the same name, and one on one side only is said so (it was refused: "holds 2 task
// sequences; this command takes one", so two folders of Current Branch exports could not be compared).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { validatorFor } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const PARENT_AND_CHILD = readFileSync(join(FIXTURES_DIR, 'kb977203-cli', 'parent-and-child-export.zip'));
const ONE = readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip'));

describe('cmts diff of export .zip files with several sequences', () => {
  it('compares each sequence with its namesake: two folders of the same exports are the same', async () => {
    const m = memoryIo({ 'a/pc.zip': PARENT_AND_CHILD, 'b/pc.zip': PARENT_AND_CHILD });
    expect(await main(['diff', 'a', 'b'], m.io), m.stderr).toBe(0);
    expect(m.stderr).toBe('');
    const j = memoryIo({ 'a/pc.zip': PARENT_AND_CHILD, 'b/pc.zip': PARENT_AND_CHILD });
    expect(await main(['diff', 'a', 'b', '--json'], j.io)).toBe(0);
    const report = JSON.parse(j.stdout) as { results: { input: string; status: string }[]; summary: { pairs: number } };
    expect(validatorFor('diff.report.schema.json')(report)).toBe(true);
    expect(report.results.map((r) => [r.input, r.status])).toEqual([
      ['pc.zip!SMS_TaskSequencePackage/CM100031/object.xml', 'same'],
      ['pc.zip!SMS_TaskSequencePackage/CM100032/object.xml', 'same'],
    ]);
    expect(report.summary.pairs).toBe(2);
  });

  it('says which sequence one side holds alone, and counts it as a difference', async () => {
    const m = memoryIo({ 'pc.zip': PARENT_AND_CHILD, 'one.zip': ONE });
    expect(await main(['diff', 'pc.zip', 'one.zip'], m.io)).toBe(1);
    expect(m.stdout).toMatch(/^Only in pc\.zip: SMS_TaskSequencePackage\/CM1000\d\d\/object\.xml$/m);
  });

  it('names each pair under --json after a file that holds it: a file of one sequence holds no part of an export', async () => {
    const m = memoryIo({ 'one.xml': readFileSync(join('examples', 'refresh-2007.xml')), 'pc.zip': PARENT_AND_CHILD });
    expect(await main(['diff', 'one.xml', 'pc.zip', '--json'], m.io)).toBe(1);
    const report = JSON.parse(m.stdout) as { results: { input: string; a: string | null; b: string | null; status: string }[] };
    expect(validatorFor('diff.report.schema.json')(report)).toBe(true);
    expect(report.results.map((r) => [r.input, r.status])).toEqual([
      ['one.xml', 'only-in-a'],
      ['pc.zip!SMS_TaskSequencePackage/CM100031/object.xml', 'only-in-b'],
      ['pc.zip!SMS_TaskSequencePackage/CM100032/object.xml', 'only-in-b'],
    ]);
    // The other way round, each is the first input's.
    const r = memoryIo({ 'one.xml': readFileSync(join('examples', 'refresh-2007.xml')), 'pc.zip': PARENT_AND_CHILD });
    expect(await main(['diff', 'pc.zip', 'one.xml', '--json'], r.io)).toBe(1);
    const back = JSON.parse(r.stdout) as { results: { input: string }[] };
    expect(back.results.map((x) => x.input)).toEqual(['one.xml', 'pc.zip!SMS_TaskSequencePackage/CM100031/object.xml', 'pc.zip!SMS_TaskSequencePackage/CM100032/object.xml']);
  });
});
