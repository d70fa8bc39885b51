// Switching a step between its modes through `set`, as the README says to (empty the one, then set the other), gives
// the step a fresh build of the other mode gives: the emptied mode's variable is gone, and with it the segment of the
// <action> line it decided (`/image:,%OSDImageIndex%` was left, an empty ImagePackageID beside it), and an emptied
// inline script no longer counts as a script (written as Base64 of a byte order mark alone, `//4=`, it did, and
// every order of setting the package and its script was refused). And where a step holds one setting's variable
// twice, `get`, `set` and the action line read the same one, the first.
import { describe, expect, it } from 'vitest';
import { addStep, createSequence, stepView } from '../lib/api/catalog.js';
import { readTaskSequence } from '../lib/index.js';
import { lint } from '../lib/api/lint.js';
import type { Step } from '../lib/model/types.js';

const actionOf = (step: Step) => (step.children.find((c) => c.kind === 'action') as { value: string }).value;
const propertiesOf = (step: Step) => Object.keys(stepView(step).propertyTexts()).sort();

describe('set switches a step between modes', () => {
  it('Apply Operating System Image, image package → installation package: as built for the installation package', () => {
    const doc = createSequence('sequence');
    const switched = addStep(doc, 'Apply Operating System Image', { name: 'A', settings: { imagePackageId: 'ABC00026' } }, { last: doc.sequence }) as Step;
    expect(actionOf(switched)).toContain('/image:ABC00026,%OSDImageIndex%');
    stepView(switched).set('imagePackageId', '');
    expect(actionOf(switched)).not.toContain('/image:');
    stepView(switched).set('installPackageId', 'ABC00027');
    const built = addStep(doc, 'Apply Operating System Image', { name: 'B', settings: { installPackageId: 'ABC00027' } }, { last: doc.sequence }) as Step;
    expect(actionOf(switched)).toBe(actionOf(built));
    expect(actionOf(switched)).toBe('OSDApplyOS.exe /install:ABC00027,%OSDInstallEditionIndex% /runfromnet:False');
    expect(stepView(switched).get('imagePackageId')).toBeUndefined();
    expect(propertiesOf(switched)).not.toContain('ImagePackageID');
    // The image index the image package's line read stays (a setting of its own), unread by the line.
    expect(propertiesOf(switched).filter((p) => !propertiesOf(built).includes(p))).toEqual(['ImageIndex']);
    expect(lint(readTaskSequence(doc.toBytes())).filter((f) => f.code.startsWith('catalog/'))).toEqual([]);
  });

  it('Run PowerShell Script, inline script → a package\'s script: as built for the package', () => {
    const doc = createSequence('sequence');
    const switched = addStep(doc, 'Run PowerShell Script', { name: 'PS', settings: { sourceScript: 'Write-Host 1' } }, { last: doc.sequence }) as Step;
    stepView(switched).set('sourceScript', '');
    stepView(switched).set('scriptName', 'x.ps1');
    stepView(switched).set('packageId', 'ABC00026');
    const built = addStep(doc, 'Run PowerShell Script', { name: 'P2', settings: { packageId: 'ABC00026', scriptName: 'x.ps1' } }, { last: doc.sequence }) as Step;
    expect(stepView(switched).propertyTexts()).toEqual(stepView(built).propertyTexts());
    expect(stepView(switched).settings).toEqual(stepView(built).settings);
  });

  it('and back: a package\'s script → inline', () => {
    const doc = createSequence('sequence');
    const step = addStep(doc, 'Run PowerShell Script', { name: 'PS', settings: { packageId: 'ABC00026', scriptName: 'x.ps1' } }, { last: doc.sequence }) as Step;
    stepView(step).set('packageId', '');
    stepView(step).set('scriptName', '');
    stepView(step).set('sourceScript', 'Write-Host 2');
    expect(stepView(step).get('sourceScript')).toBe('Write-Host 2');
  });

  it('an empty script is still refused beside a package, as a script is not', () => {
    const doc = createSequence('sequence');
    const step = addStep(doc, 'Run PowerShell Script', { name: 'PS', settings: { packageId: 'ABC00026', scriptName: 'x.ps1' } }, { last: doc.sequence }) as Step;
    expect(() => stepView(step).set('sourceScript', 'Write-Host 3')).toThrow(/not both/);
    stepView(step).set('sourceScript', '');
    expect(stepView(step).settings).toMatchObject({ packageId: 'ABC00026', scriptName: 'x.ps1' });
    expect(propertiesOf(step)).not.toContain('SourceScript');
  });
});

describe('a variable written twice for one setting', () => {
  const XML = '<sequence version="3.10"><step type="SMS_TaskSequence_RebootAction" name="R" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:WinPE</action><defaultVarList><variable name="SMSRebootTarget" property="Target" hidden="true">WinPE</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step></sequence>';

  it('get, propertyTexts and set read the first; set of the last one\'s value writes it', () => {
    const doc = readTaskSequence(XML);
    const step = doc.steps()[0]?.node as Step;
    expect(stepView(step).get('target')).toBe('WinPE');
    expect(stepView(step).propertyTexts().Target).toBe('WinPE');
    stepView(step).set('target', 'HD');
    expect(stepView(step).get('target')).toBe('HD');
    expect(actionOf(step)).toBe('smsboot.exe /target:HD');
  });

  it('lint compares the action line with the first, as get reads it: a line that says it is not reported', () => {
    const findings = lint(readTaskSequence(XML)).filter((f) => f.code === 'catalog/action-line');
    expect(findings).toEqual([]);
  });

  it('a variable of the same property under another name is the one set, as it is the one read (the first)', () => {
    const doc = readTaskSequence('<sequence version="3.10"><step type="SMS_TaskSequence_RebootAction" name="R" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:WinPE</action><defaultVarList><variable name="Other" property="Target" hidden="true">WinPE</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step></sequence>');
    const step = doc.steps()[0]?.node as Step;
    stepView(step).set('target', 'HD');
    expect(stepView(step).get('target')).toBe('HD');
    expect(actionOf(step)).toBe('smsboot.exe /target:HD');
  });

  it('emptying a mode setting held twice removes both: the second does not come to be read in the first one\'s place', () => {
    const doc = createSequence('sequence');
    const step = addStep(doc, 'Apply Operating System Image', { name: 'A', settings: { imagePackageId: 'ABC00026' } }, { last: doc.sequence }) as Step;
    const list = step.children.find((c) => c.kind === 'variableList') as { children: unknown[] };
    list.children.push({ kind: 'variable', tag: 'variable', attributes: { name: 'OSDImagePackageId', property: 'ImagePackageID' }, value: 'ABC00099' });
    stepView(step).set('imagePackageId', '');
    expect(stepView(step).get('imagePackageId')).toBeUndefined();
    expect(actionOf(step)).not.toContain('/image:');
    stepView(step).set('installPackageId', 'ABC00027');
    expect(actionOf(step)).toBe('OSDApplyOS.exe /install:ABC00027,%OSDInstallEditionIndex% /runfromnet:False');
  });
});
