// addStep spelt a new step as the sequence's release writes steps, but put in any step type, even one that release
// does not have: a Run PowerShell Script added to a 2007 export was written, and only lint then said the console
// could not import the sequence. addStep refuses it now, naming the release, and leaves the sequence as it was; a file that holds one is still read,
// converted and built back as it is.
import { describe, expect, it } from 'vitest';
import { addStep, buildStep, fromYaml, lint, readTaskSequence, toYaml, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const STEP = '&lt;step type="SMS_TaskSequence_RunCommandLineAction" name="a"&gt;&lt;action&gt;cmd /c rem&lt;/action&gt;&lt;/step&gt;';
const EXPORT_2007 = `<?xml version="1.0"?>\n<SmsTaskSequencePackage><PackageID>ABC00001</PackageID><Name>x</Name><SequenceData>&lt;sequence version="3.00"&gt;${STEP}&lt;/sequence&gt;</SequenceData></SmsTaskSequencePackage>\n`;
const POWERSHELL = { name: 'ps', settings: { sourceScript: 'Write-Output 1', executionPolicy: 'Bypass' } } as const;

describe('a step type newer than the release', () => {
  it('is refused by addStep on a 2007 export, which is left byte for byte as it was', () => {
    const doc = readTaskSequence(EXPORT_2007);
    const e = thrown(() => addStep(doc, 'Run PowerShell Script', POWERSHELL, { last: doc.sequence }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('first shipped in ConfigMgr 2012 R2; this sequence is for ConfigMgr 2007');
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(EXPORT_2007);
  });

  it('is added where the release has it, and a 2007 step type is added to the 2007 export', () => {
    const doc = readTaskSequence(EXPORT_2007);
    addStep(doc, 'Run Command Line', { name: 'cmd', settings: { commandLine: 'cmd /c echo' } }, { last: doc.sequence });
    expect(lint(doc).filter((d) => d.code === 'catalog/step-version')).toEqual([]);
    const cb = readTaskSequence('<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a" retryCount="0"><action>cmd /c rem</action></step></sequence>');
    expect(addStep(cb, 'Run PowerShell Script', POWERSHELL, { last: cb.sequence }).attributes.type).toBe('SMS_TaskSequence_RunPowerShellScriptAction');
  });

  it('a file that holds one still converts to the text form and builds back (cmts convert, cmts build)', () => {
    const doc = readTaskSequence(EXPORT_2007);
    doc.sequence.children.push(buildStep('Run PowerShell Script', POWERSHELL));
    const back = fromYaml(toYaml(doc));
    expect(back.container).toBe('sms-package');
    expect(lint(back).map((d) => d.code)).toContain('catalog/step-version');
  });
});
