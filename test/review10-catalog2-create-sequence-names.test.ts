// Review of createSequence's package property names: a 2007 export took `x:y`, writing an element whose prefix no
// declaration binds (ConfigMgr reads the export with namespaces). setProperty refuses such a name; createSequence
// now refuses it the same way (INVALID_ARGUMENT, at the text form's package section).
import { describe, expect, it } from 'vitest';
import { createSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

describe('createSequence property names with a colon', () => {
  it('a 2007 export refuses x:y, as setProperty does', () => {
    for (const name of ['x:y', ':x', 'x:']) {
      const e = thrown(() => createSequence('sms-package', { properties: { Name: 'N', [name]: 'v' } }));
      expect(e.code, name).toBe('INVALID_ARGUMENT');
      expect(e.message, name).toContain("without a ':'");
    }
  });

  it('a name without one is still written', () => {
    expect(createSequence('sms-package', { properties: { Name: 'N', x_y: 'v' } }).getProperty('x_y')).toBe('v');
  });
});
