import { describe, expect, it } from 'vitest';
import { diffTaskSequences, readTaskSequence } from './helpers/api.js';

const sequence = (references: string) =>
  `<sequence version="3.10"><referenceList>${references}</referenceList><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(sequence(a)), readTaskSequence(sequence(b)));

describe('every reference of the referenceList counts, not only the first to each package', () => {
  it('a second reference to one package, added or with its program changed, is a difference', () => {
    const one = '<reference package="RSC00237"/>';
    expect(diff(one, `${one}<reference package="RSC00237" program="*"/>`)).toEqual([{ change: 'added', kind: 'reference', path: 'RSC00237 #2' }]);
    expect(diff(`${one}<reference package="RSC00237" program="*"/>`, `${one}<reference package="RSC00237" program="Install"/>`)).toEqual([
      { change: 'changed', kind: 'reference', path: 'RSC00237 #2', field: 'attribute program', before: '*', after: 'Install' },
    ]);
  });

  it('a reference that names no package or application is compared by its attributes', () => {
    expect(diff('<reference type="0"/>', '<reference type="1"/>')).toEqual([
      { change: 'changed', kind: 'reference', path: '(no package or application)', field: 'attribute type', before: '0', after: '1' },
    ]);
  });
});
