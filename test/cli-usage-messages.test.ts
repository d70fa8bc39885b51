// What a usage error or a refused file says names what is there: the options the command has, a file where a folder
// was meant, the refused value, a config file that is no object. (Each said something else before.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const REFRESH = readFileSync(new URL('../examples/refresh-2007.xml', import.meta.url));
const YAML = readFileSync(new URL('../examples/osd-as-code.yaml', import.meta.url));

describe('usage messages', () => {
  it('convert with -o and --out-dir names only the options convert has', async () => {
    const m = memoryIo({ 'in.xml': REFRESH });
    expect(await main(['convert', 'in.xml', '--to', 'json', '-o', 'a.json', '--out-dir', 'x'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/^cmts convert: Give -o <output> or --out-dir <folder>, not both\./);
    // kb977203 has --in-place, and says so.
    const k = memoryIo({ 'in.xml': REFRESH });
    expect(await main(['kb977203', 'in.xml', '-o', 'a.xml', '--in-place', '--certfix-package', 'ABC00010'], k.io)).toBe(2);
    expect(k.stderr).toMatch(/or --in-place/);
  });

  it('an output through a file says the file is no folder (it said the folder does not exist)', async () => {
    const m = memoryIo({ 'in.xml': REFRESH });
    expect(await main(['kb977203', 'in.xml', '-o', 'in.xml/x.xml', '--certfix-package', 'ABC00010'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/-o in\.xml\/x\.xml: in\.xml is a file, not a folder\./);
    const r = memoryIo({ 'in.xml': REFRESH });
    expect(await main(['kb977203', 'in.xml', '-o', 'o.xml', '--report', 'in.xml/r.csv', '--certfix-package', 'ABC00010'], r.io)).toBe(2);
    expect(r.stderr).toMatch(/--report in\.xml\/r\.csv: in\.xml is a file, not a folder\./);
    const missing = memoryIo({ 'in.xml': REFRESH });
    expect(await main(['kb977203', 'in.xml', '-o', 'nope/x.xml', '--certfix-package', 'ABC00010'], missing.io)).toBe(2);
    expect(missing.stderr).toMatch(/the folder nope does not exist/);
  });

  it('build quotes a refused --container, and its warning reads', async () => {
    const m = memoryIo({ 'ts.yaml': YAML });
    expect(await main(['build', 'ts.yaml', '--container=bogus'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/--container is one of sequence, sms-package, cim-instance, not "bogus"\./);
    const w = memoryIo({ 'ts.yaml': YAML });
    await main(['build', 'ts.yaml', '--container', 'sequence', '-o', 'x.xml'], w.io);
    expect(w.stderr).toMatch(/PACKAGE_LEFT_BEHIND The text is for an object\.xml; a bare <sequence> has no place/);
  });

  it('a --config file that is no JSON object says so, once, with its name', async () => {
    for (const [text, what] of [['[]', 'an array'], ['5', 'a number'], ['null', 'null']] as const) {
      const m = memoryIo({ 'in.xml': REFRESH, 'two.xml': REFRESH, 'c.json': text });
      expect(await main(['kb977203', 'in.xml', 'two.xml', '--dry-run', '--config', 'c.json'], m.io)).toBe(1);
      expect(m.stderr).toMatch(new RegExp(`c\\.json: OPTIONS_INVALID The options in c\\.json are ${what}: give a JSON object`));
      expect(m.stderr.match(/OPTIONS_INVALID/g)).toHaveLength(1);
    }
  });
});
