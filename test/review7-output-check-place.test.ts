// A refusal of the output, just before the command line writes it, is placed in the output: its line and column are
// in the bytes that were to be written, so the error names where they were to go (the -o file, `-` for standard
// output, `file!part` for a part of an export .zip), not the input. Before, the command line named the input, and
// `cmts: ts.xml:2:4: OUTPUT_MALFORMED` pointed at a line of the input that says something else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../lib/cli/load.js';
import { applyKb977203, readExportZip, writeZip } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const INPUT = Buffer.from('<sequence version="3.00">\n  <step type="X" name="a"/>\n</sequence>\n');
const BAD = Buffer.from('<sequence version="3.00">\n   <step></sequence>\n');

describe('the output check names the output', () => {
  it('a file: the -o target, with the line and column in what was to be written', () => {
    const e = thrown(() => loadBytes(INPUT, 'ts.xml', {}).verify(BAD, 'out.xml'));
    expect(e?.code).toBe('OUTPUT_MALFORMED');
    expect(e?.file).toBe('out.xml');
    expect(e?.linePos).toEqual({ line: 2, col: 10 });
    expect(e?.format()).toMatch(/^out\.xml:2:10: OUTPUT_MALFORMED /);
  });

  it('standard output is named -, as standard input is', () => {
    expect(thrown(() => loadBytes(INPUT, 'ts.xml', {}).verify(BAD, '-'))?.format()).toMatch(/^-:2:10: OUTPUT_MALFORMED /);
  });

  it('an export .zip: the part the line and column are in, after the archive written', () => {
    const bytes = readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip'));
    const input = loadBytes(bytes, 'in.zip', {});
    const x = readExportZip(bytes);
    applyKb977203(x.sequences[0]!.doc, { certfixPackage: 'CM100010', scenario: 'replace-restore', force: true });
    const part = x.sequences[0]!.entry;
    const bad = writeZip(x.zip, new Map([[part, BAD]]));
    const e = thrown(() => input.verify(bad, 'out.zip'));
    expect(e?.code).toBe('OUTPUT_MALFORMED');
    expect(e?.file).toBe(`out.zip!${part.name}`);
    expect(e?.linePos?.line).toBe(2);
  });
});
