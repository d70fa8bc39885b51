// Review of the settings schemas' messages: a value a pattern refuses is reported with what the pattern allows.
import { describe, expect, it } from 'vitest';
import { fromYaml, validateStepSettings } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

describe('a refused package ID, enum value or drive letter says what is allowed', () => {
  it('validateStepSettings', () => {
    expect(validateStepSettings('Install Package', { packageId: 'abc', programName: 'p' }).join('\n')).toContain('a package ID (3 letters or digits and 5 hexadecimal digits');
    expect(validateStepSettings('Restart Computer', { target: 'Disk' }).join('\n')).toContain('one of HD, WinPE');
    expect(validateStepSettings('Apply Data Image', { destinationLogicalDrive: 'CD:' }).join('\n')).toMatch(/a drive letter/);
  });

  it('cmts build (the text form)', () => {
    const text = 'container: sequence\nsteps:\n  - step: Restart Computer\n    name: Restart\n    settings:\n      target: "HD /x:y"\n';
    const e = thrown(() => fromYaml(text));
    expect(e.message).toContain('target: SMSRebootTarget (Target); one of HD, WinPE (in any case), or empty (got "HD /x:y")');
  });
});
