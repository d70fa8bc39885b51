import { describe, expect, it } from 'vitest';
import { createSequence, newSequenceText } from '../lib/catalog/index.js';
import { writeTaskSequenceText } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

describe('createSequence refuses options it cannot write as given', () => {
  it('a version other than 3.00 and 3.10 is refused, not spliced into the root element', () => {
    expect(verdict(() => createSequence('sequence', { version: '3.10" injected="1' as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => newSequenceText('sequence', { version: '3.10"><step/><x a="' as never }))).toBe('INVALID_ARGUMENT');
    expect(writeTaskSequenceText(createSequence('sequence', { version: '3.00' }))).toBe('<sequence version="3.00"></sequence>');
  });

  it('a container that is not one of the three is refused, not made an object.xml', () => {
    expect(verdict(() => createSequence('cim' as never))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => newSequenceText('zip' as never))).toBe('INVALID_ARGUMENT');
  });

  it('package properties must be text under element names; names and descriptions must be XML characters', () => {
    expect(verdict(() => createSequence('sms-package', { properties: { 'Bad name': 'x' } }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => createSequence('sms-package', { properties: { Name: 5 as never } }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => createSequence('cim-instance', { properties: { Name: null as never } }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => createSequence('cim-instance', { name: 'Deploy\u0001' }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => createSequence('sms-package', { description: 7 as never }))).toBe('INVALID_ARGUMENT');
    // Markup characters are escaped, as before.
    expect(createSequence('sms-package', { name: 'A & <B>' }).getProperty('Name')).toBe('A & <B>');
  });
});
