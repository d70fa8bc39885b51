// cmts diff as an administrator reads it: `disable="false"` or `continueOnError="false"` is what no such attribute says
// (no difference), and a value changed only by white space a reader cannot see is shown quoted, escapes and all.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const seq = (a: string, b: string) => `<sequence version="3.00">\n  <step type="T" name="a"${a}/>\n  <group name="g"${b}>\n  </group>\n</sequence>\n`;

async function diff(a: string, b: string, json = false) {
  const m = memoryIo({ 'a.xml': a, 'b.xml': b });
  const status = await main(['diff', 'a.xml', 'b.xml', ...(json ? ['--json'] : [])], m.io);
  return { status, stdout: m.stdout };
}

describe('cmts diff', () => {
  it('finds no difference between an attribute that says false by default and none', async () => {
    expect(await diff(seq('', ''), seq(' disable="false"', ' continueOnError="false"'))).toEqual({ status: 0, stdout: expect.any(String) });
    expect((await diff(seq(' continueOnError="false"', ''), seq('', ' disable="false"'))).status).toBe(0);
    // true is a difference, and so is any other value.
    const on = await diff(seq('', ''), seq(' disable="true"', ''));
    expect(on.status).toBe(1);
    expect(on.stdout).toContain('~ step a attribute disable:\n    - (none)\n    + true');
    expect((await diff(seq('', ''), seq(' disable="False"', ''))).status).toBe(1);
    // A value written on either side is shown as written.
    expect((await diff(seq(' disable="false"', ''), seq(' disable="true"', ''))).stdout).toContain('~ step a attribute disable:\n    - false\n    + true');
  });

  it('quotes values that differ by white space a reader cannot see, with escapes', async () => {
    const trailing = await diff(seq(' description="x"', ''), seq(' description="x "', ''));
    expect(trailing.status).toBe(1);
    expect(trailing.stdout).toContain('    - "x"\n    + "x "');
    const nbsp = await diff(seq(' description="y z"', ''), seq(' description="y\u00a0z"', ''));
    expect(nbsp.stdout).toContain('    - "y z"\n    + "y\\u00a0z"');
    // Values a reader can tell apart are shown as written, unquoted.
    const plain = await diff(seq(' description="C:\\x"', ''), seq(' description="D:\\x"', ''));
    expect(plain.stdout).toContain('    - C:\\x\n    + D:\\x');
    // --json gives the values themselves.
    const json = JSON.parse((await diff(seq(' description="x"', ''), seq(' description="x "', ''), true)).stdout) as { results: { differences: { before?: string; after?: string }[] }[] };
    expect(json.results[0]?.differences.map((d) => [d.before, d.after])).toEqual([['x', 'x ']]);
  });
});
