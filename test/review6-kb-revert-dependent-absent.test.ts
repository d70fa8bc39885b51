// Revert and a package that had no "Run another program first" at all: a 2007 export without a DependentProgram
// element (XmlSerializer leaves a null property out) or an object.xml whose DependentProgram has no <VALUE> (null)
// gets it back absent, not as an empty element, while one that had it empty gets it back empty.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const PACKAGE = (dependent: string) =>
  `<?xml version="1.0"?>\r\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\r\n  <BootImageID>ABC00001</BootImageID>\r\n  <Category />\r\n${dependent}  <Description />\r\n  <Name>Refresh</Name>\r\n  <SequenceData><sequence version="3.00">${SETUP}</sequence></SequenceData>\r\n</SmsTaskSequencePackage>\r\n`;

const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

function roundTrip(input: string, options: Kb977203Options): { applied: string; reverted: string; twice: string } {
  const doc = readTaskSequence(input);
  applyKb977203(doc, options);
  const applied = text(doc);
  const again = readTaskSequence(applied);
  applyKb977203(again, options);
  const back = readTaskSequence(applied);
  revertKb977203(back, options);
  return { applied, reverted: text(back), twice: text(again) };
}

describe('revert of DependentProgram in a package that had none', () => {
  it('2007 export without the element: apply adds it, revert takes it away again (the input, byte for byte)', () => {
    const input = PACKAGE('');
    const { applied, reverted, twice } = roundTrip(input, O);
    expect(applied).toContain('  <Category />\r\n  <DependentProgram>ABC00010;;CCMCertFix</DependentProgram>\r\n  <Description />');
    expect(twice).toBe(applied);
    expect(reverted).not.toContain('DependentProgram');
    expect(reverted).toBe(input);
  });

  it('2007 export with an empty element: it comes back empty, as before', () => {
    const input = PACKAGE('  <DependentProgram />\r\n');
    const { applied, reverted } = roundTrip(input, O);
    expect(applied).not.toContain('which the package did not have');
    expect(reverted).toBe(input);
  });

  it('object.xml with a null DependentProgram (no <VALUE>): it is null again after revert', () => {
    const withValue = readFileSync(new URL('./fixtures/kb977203/replace-restore-object-xml/input.xml', import.meta.url), 'utf8');
    const input = withValue.replace(/(<PROPERTY NAME="DependentProgram"[^>]*>\s*<QUALIFIER[\s\S]*?<\/QUALIFIER>)\s*<VALUE><\/VALUE>/, '$1');
    expect(input).not.toBe(withValue);
    const options = JSON.parse(readFileSync(new URL('./fixtures/kb977203/replace-restore-object-xml/options.json', import.meta.url), 'utf8')) as Kb977203Options;
    const { applied, reverted, twice } = roundTrip(input, options);
    expect(applied).toMatch(/<PROPERTY NAME="DependentProgram"[^>]*>\s*<QUALIFIER[\s\S]*?<\/QUALIFIER>\s*<VALUE>ABC00010;;CCMCertFix<\/VALUE>/);
    expect(twice).toBe(applied);
    expect(reverted).toBe(input);
  });

  it('the report of the revert says the package did not have it before', () => {
    const doc = readTaskSequence(PACKAGE(''));
    applyKb977203(doc, O);
    const back = readTaskSequence(text(doc));
    const report = revertKb977203(back, O);
    expect(report.changes.find((c) => c.requirement === 'R12')).toMatchObject({ what: expect.stringMatching(/did not have before/), before: 'ABC00010;;CCMCertFix', after: '' });
  });
});
