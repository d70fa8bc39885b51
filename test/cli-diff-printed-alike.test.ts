// cmts diff never prints a change as two equal lines: values that would print alike (a tab, printed \t, and the
// text \t of a Windows path; a CR, printed &#13;, and that text) are both quoted with escapes, as values that differ
// by white space no one can see are.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const sequence = (action: string) => `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>${action}</action></step></sequence>`;

async function changed(before: string, after: string): Promise<string[]> {
  const m = memoryIo({ 'a.xml': sequence(before), 'b.xml': sequence(after) });
  expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
  return m.stdout.split('\n').slice(3, 5);
}

describe('cmts diff: two values that would print alike', () => {
  it('a tab and a backslash before a t', async () => {
    expect(await changed('C:\\temp', 'C:&#9;emp')).toEqual(['    - "C:\\\\temp"', '    + "C:\\temp"']);
  });

  it('a CR and the text &#13;', async () => {
    expect(await changed('a&#13;b', 'a&amp;#13;b')).toEqual(['    - "a\\rb"', '    + "a&#13;b"']);
  });

  it('values that print differently are still shown as written', async () => {
    expect(await changed('C:\\temp', 'D:\\temp')).toEqual(['    - C:\\temp', '    + D:\\temp']);
  });
});
