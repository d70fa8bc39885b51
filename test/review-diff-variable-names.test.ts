import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, readTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const sequence = (globals: [string, string][]) =>
  `<sequence version="3.10"><globalVarList>${globals.map(([n, v]) => `<variable name="${n}" property="${n}">${v}</variable>`).join('')}</globalVarList><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>`;

describe('global variables named like the properties of a JavaScript object', () => {
  it('one on one side only is an added or removed variable', () => {
    const a = readTaskSequence(sequence([['toString', '1']]));
    const b = readTaskSequence(sequence([]));
    expect(diffTaskSequences(a, b)).toEqual([{ change: 'removed', kind: 'variable', path: 'toString', before: '1' }]);
    expect(diffTaskSequences(b, a)).toEqual([{ change: 'added', kind: 'variable', path: 'toString', after: '1' }]);
  });

  it('__proto__ is a variable like any other: its change is reported', () => {
    expect(diffTaskSequences(readTaskSequence(sequence([['__proto__', 'x']])), readTaskSequence(sequence([['__proto__', 'y']])))).toEqual([
      { change: 'changed', kind: 'variable', path: '__proto__', before: 'x', after: 'y' },
    ]);
  });

  it('cmts diff reports the difference with status 1, not an internal error', async () => {
    const m = memoryIo({ 'a.xml': sequence([['constructor', '1']]), 'b.xml': sequence([]) });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stderr).toBe('');
    expect(m.stdout).toContain('- variable constructor: 1');
  });
});
