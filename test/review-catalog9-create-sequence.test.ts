// Review of createSequence: the package property that holds the sequence cannot be given as an ordinary one.
import { describe, expect, it } from 'vitest';
import { createSequence, fromYaml, newSequenceText } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

describe('createSequence refuses a property named after the place of the sequence', () => {
  it('an object.xml property Sequence is refused, not read as the new sequence in place of the empty one', () => {
    const sequence = '<sequence version="3.10"><step name="not asked for"/></sequence>';
    const e = thrown(() => createSequence('cim-instance', { properties: { Name: 'Deploy', Sequence: sequence } }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('Sequence');
    expect(thrown(() => newSequenceText('cim-instance', { properties: { Sequence: '' } })).code).toBe('INVALID_ARGUMENT');
  });

  it('a 2007 export property SequenceData is refused, not written as a second <SequenceData>', () => {
    expect(thrown(() => newSequenceText('sms-package', { properties: { Name: 'Deploy', SequenceData: 'x' } })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => createSequence('sms-package', { properties: { SequenceData: '' } })).code).toBe('INVALID_ARGUMENT');
  });

  it('each container takes the other container\'s name as an ordinary property', () => {
    expect(createSequence('cim-instance', { properties: { SequenceData: 'x' } }).getProperty('SequenceData')).toBe('x');
    expect(createSequence('sms-package', { properties: { Sequence: 'y' } }).getProperty('Sequence')).toBe('y');
  });

  it('cmts build places a refused package property at the package key, with its line and column', () => {
    const text = 'container: sms-package\npackage:\n  Name: Deploy\n  SequenceData: x\nsteps: []\n';
    const e = thrown(() => fromYaml(text));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.linePos).toEqual({ line: 2, col: 1 });
    const badName = thrown(() => fromYaml('container: sms-package\nversion: "3.00"\npackage:\n  "a b": x\nsteps: []\n'));
    expect(badName.linePos).toEqual({ line: 3, col: 1 });
  });
});
