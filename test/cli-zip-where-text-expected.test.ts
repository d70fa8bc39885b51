// An export .zip given where the command reads JSON or YAML text (`convert --to xml`, `build`, an `--options` or
// `--config` file) was refused as "is not UTF-8 text (byte 0x.. at offset 10): save it as UTF-8, or as UTF-16 with a
// byte order mark", advice that cannot help an archive. It is now refused as the .zip archive it is, saying what the
// command reads instead.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const EXPORT = readFileSync(resolve('test/fixtures/zip/export.zip'));
const TS = readFileSync(resolve('examples/refresh-2007.xml'));

describe('an export .zip where JSON or YAML text is read', () => {
  it.each([
    ['convert', ['convert', 'export.zip', '--to', 'xml', '-o', 'out.xml'], 'NOT_A_TASK_SEQUENCE'],
    ['build', ['build', 'export.zip', '-o', 'out.xml'], 'NOT_A_TASK_SEQUENCE'],
    ['an --options file', ['transform', 'add-reference', 'ts.xml', '--options', 'export.zip', '--check'], 'OPTIONS_INVALID'],
  ])('%s: refused as a .zip archive, not told to save it as UTF-8', async (_what, argv, code) => {
    const m = memoryIo({ 'export.zip': EXPORT, 'ts.xml': TS });
    expect(await main(argv, m.io)).not.toBe(0);
    expect(m.stderr).toContain(`export.zip: ${code} export.zip is a .zip archive`);
    expect(m.stderr).not.toMatch(/UTF-8|offset/);
    expect(m.writes).toEqual([]);
  });
});
