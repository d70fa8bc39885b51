// An options file is JSON: a "__proto__" key in it is a key like any other (JSON.parse makes it an own property),
// not a prototype whose properties the transform would then take for options.
import { describe, expect, it } from 'vitest';
import { checkTransform, readTaskSequence, transformFromJson } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const PKG = Buffer.from('<SmsTaskSequencePackage><DependentProgram>ABC00011;;Other</DependentProgram><SequenceData><sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence></SequenceData></SmsTaskSequencePackage>');

describe('a "__proto__" key in options read as JSON', () => {
  it('is refused as an unknown option, so it cannot give force: true unseen', () => {
    const options = JSON.parse('{"__proto__": {"force": true}, "packageId": "ABC00010", "programName": "CCMCertFix"}') as unknown;
    const e = thrown(() => checkTransform('set-dependent-program', readTaskSequence(PKG), options as never));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.message).toContain('__proto__');
    expect(thrown(() => transformFromJson('set-dependent-program', options)).code).toBe('OPTIONS_INVALID');
  });

  it('without it the same options meet the conflict they are about', () => {
    const options = JSON.parse('{"packageId": "ABC00010", "programName": "CCMCertFix"}') as unknown;
    expect(thrown(() => checkTransform('set-dependent-program', readTaskSequence(PKG), options as never)).code).toBe('DEPENDENT_PROGRAM_CONFLICT');
  });
});
