// render --out-dir's closing line printed the folder as given, so an escape sequence in its name reached the
// terminal; every other line cmts prints shows a control character as an escape (printable).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

describe('render --out-dir names its folder printably', () => {
  it('an ESC in the folder name is shown as \\u001b', async () => {
    const m = memoryIo({ 'a.xml': readFileSync(resolve('examples', 'refresh-2007.xml')) });
    expect(await main(['render', 'a.xml', '--out-dir', 'od\u001b[31mRED'], m.io)).toBe(0);
    expect(m.stderr).not.toContain('\u001b');
    expect(m.stderr).toContain('od\\u001b[31mRED');
  });
});
