// The library's own refusals of an option value (the KB977203 preset's drive, source, certfix package and program;
// the transforms' package IDs and variable names) show the value as the command line's usage errors do: quoted,
// control characters escaped, cut after 40 characters with its length. Before, each was quoted whole with
// JSON.stringify, so a file's text pasted where a package ID goes was printed in full in the message.
import { describe, expect, it } from 'vitest';
import { TaskSequenceError } from '../lib/errors.js';
import { resolveKb977203Options } from '../lib/presets/kb977203-options.js';
import { applyTransform, readTaskSequence } from './helpers/api.js';

const LONG = `${'X'.repeat(5000)}\u001b[31m-tail`;
const doc = () => readTaskSequence('<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd</action></step></sequence>');

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TaskSequenceError);
    return (e as TaskSequenceError).message;
  }
  throw new Error('expected a refusal');
}

describe('an option value in a library refusal is shown cut', () => {
  const cases: [string, () => unknown][] = [
    ['certfixPackage', () => resolveKb977203Options({ certfixPackage: LONG })],
    ['drive', () => resolveKb977203Options({ certfixPackage: 'ABC00010', drive: LONG })],
    ['source', () => resolveKb977203Options({ certfixPackage: 'ABC00010', source: LONG })],
    ['add-client-patch msp', () => applyTransform('add-client-patch', doc(), { msp: `\\\\server\\share\\${LONG}.msp` })],
    ['add-client-patch stepPath', () => applyTransform('add-client-patch', doc(), { msp: '\\\\server\\share\\KB977203.msp', stepPath: LONG })],
    ['add-reference packageId', () => applyTransform('add-reference', doc(), { packageId: LONG })],
    ['set-dependent-program packageId', () => applyTransform('set-dependent-program', doc(), { packageId: LONG, programName: 'p' })],
  ];
  for (const [label, f] of cases) {
    it(label, () => {
      const message = messageOf(f);
      expect(message.length).toBeLessThan(600);
      expect(message).toContain('…');
      expect(message).toContain('characters)');
      expect(message).not.toContain('\u001b');
      expect(message).not.toContain('X'.repeat(41));
    });
  }

  it('insert-steps-after: a variable name and a step query', () => {
    const name = messageOf(() => applyTransform('insert-steps-after', doc(), { after: { name: 's' }, steps: [{ type: 'set-variable', name: 'v', variableName: `A${'X'.repeat(300)}`, value: '1' }] }));
    expect(name.length).toBeLessThan(600);
    expect(name).not.toContain('X'.repeat(41));
    expect(name).toContain('characters)');
    const query = messageOf(() => applyTransform('insert-steps-after', doc(), { after: { name: LONG }, steps: [{ type: 'restart-computer', name: 'r' }] }));
    expect(query.length).toBeLessThan(600);
    expect(query).not.toContain('X'.repeat(41));
  });

  it('a short value is still shown whole, in double quotes', () => {
    expect(messageOf(() => resolveKb977203Options({ certfixPackage: 'nope' }))).toContain('"nope"');
  });
});
