// Zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) and bidirectional controls in a value read from the
// file are shown escaped in a message, as other characters that do not print are: shown as they are, a name that
// reads "Setup" could hold a hidden character, and a finding could show another name than the step has.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { printable } from '../lib/errors.js';
import { lint, readTaskSequence } from './helpers/api.js';
import { shownValue } from '../lib/shown-value.js';
import { memoryIo } from './helpers/memory-io.js';

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const escaped = (c: string) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`;
const HIDDEN = /[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/;

describe('zero-width and bidirectional controls in messages', () => {
  it.each(INVISIBLE.map((c) => [escaped(c), c]))('printable and shownValue show %s escaped', (shown, c) => {
    expect(printable(`a${c}b`)).toBe(`a${shown}b`);
    expect(shownValue(`a${c}b`)).toBe(`'a${shown}b'`);
    expect(shownValue(`a${c}b`, '"')).toBe(`"a${shown}b"`);
  });

  it('a finding about a variable whose name holds a zero-width space shows it escaped, in its message and in text output', async () => {
    const xml = '<sequence version="3.10"><step type="SMS_TaskSequence_SetVariableAction" name="Set\u200b"><action>tsenv.exe</action><defaultVarList><variable name="VariableName" property="VariableName">OSD\u200bX</variable><variable name="VariableValue" property="VariableValue">1</variable></defaultVarList></step></sequence>';
    const found = lint(readTaskSequence(xml), ['variable-name-invalid']);
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('"OSD\\u200bX"')]);
    const io = memoryIo({ 'ts.xml': xml });
    await main(['lint', 'ts.xml'], io.io);
    expect(io.stdout).toContain('Set\\u200b');
    expect(io.stdout).not.toMatch(HIDDEN);
  });
});
