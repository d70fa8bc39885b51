// cmts diff and the names it is given or prints.
// cmts diff's "Only in" lines are printed as its other lines are: a file name's control characters escaped, so a
// name holding an escape sequence cannot act on the terminal, nor a line end make a second line of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const A = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>';

describe('cmts diff: a file on one side only', () => {
  it('is one line, its name with control characters escaped', async () => {
    const m = memoryIo({ 'l/same.xml': A, 'r/same.xml': A, 'l/evil\u001b[31mred\nfake.xml': A, 'r/sub/x\u0007.xml': A });
    expect(await main(['diff', 'l', 'r'], m.io)).toBe(1);
    expect(m.stdout).toBe('Only in l: evil\\u001b[31mred\\nfake.xml\n\nOnly in r/sub: x\\u0007.xml\n');
  });
});

describe('cmts diff: an empty argument', () => {
  it('is a usage error, as for every other command, not a file named nothing that cannot be read', async () => {
    for (const argv of [['', 'a.xml'], ['a.xml', '']]) {
      const m = memoryIo({ 'a.xml': A });
      expect(await main(['diff', ...argv, '--json'], m.io)).toBe(2);
      expect(m.stderr).toBe("cmts diff: \"\" names no file to compare (an empty argument: a variable with nothing in it?).\nRun 'cmts diff --help' for the options.\n");
      expect(JSON.parse(m.stdout)).toMatchObject({ results: [{ error: { code: 'USAGE_ERROR' } }], summary: { failed: 1 } });
    }
  });
});

describe('cmts diff of a file of one sequence and an export .zip of several', () => {
  it('names what is only in the file, not nothing', async () => {
    const m = memoryIo({ 'a.xml': A, 'pc.zip': readFileSync(join(FIXTURES_DIR, 'kb977203-cli', 'parent-and-child-export.zip')) });
    expect(await main(['diff', 'a.xml', 'pc.zip'], m.io)).toBe(1);
    expect(m.stdout.split('\n').filter((l) => l !== '')).toEqual([
      'Only in a.xml: its task sequence (a file, no part of an export .zip)',
      'Only in pc.zip: SMS_TaskSequencePackage/CM100031/object.xml',
      'Only in pc.zip: SMS_TaskSequencePackage/CM100032/object.xml',
    ]);
  });
});
