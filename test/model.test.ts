import { describe, expect, it } from 'vitest';
import {
  addPackageReference,
  createInstallSoftwareStep,
  createRestartComputerStep,
  findSteps,
  insertAfter,
  listItems,
  readTaskSequence,
  removeItem,
  RestartComputerStep,
  SetupWindowsStep,
  setAttribute,
  setVariable,
  STEP_TYPES,
  visit,
  REMOVE,
  writeTaskSequenceText,
  writeTaskSequence,
  type Step,
} from './helpers/api.js';

const PRETTY = `<?xml version="1.0" encoding="utf-8"?>
<sequence version="3.00">
  <group name="Install" description="">
    <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0">
      <action>OSDSetupWindows.exe</action>
      <defaultVarList>
        <variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable>
        <variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable>
      </defaultVarList>
    </step>
    <!-- keep me -->
  </group>
</sequence>
`;

const ONE_LINE =
  '<sequence version="3.10"><referenceList><reference package="ABC00002"/></referenceList><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties"></variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>';

function setupStep(seq: Parameters<typeof findSteps>[0]): Step {
  return findSteps(seq, { type: STEP_TYPES.setupWindowsAndConfigMgr })[0]!.node as Step;
}

describe('the model', () => {
  it('reads groups, steps, variables and values as written strings', () => {
    const doc = readTaskSequence(PRETTY);
    expect(doc.container).toBe('sequence');
    expect(doc.sequence.attributes.version).toBe('3.00');
    const items = listItems(doc.sequence);
    expect(items.map((i) => [i.node.kind, i.path])).toEqual([
      ['group', 'Install'],
      ['step', 'Install/Setup Windows and ConfigMgr'],
    ]);
    const view = new SetupWindowsStep(setupStep(doc.sequence));
    expect(view.clientInstallProperties).toBe('SMSSLP=SLP01');
    expect(view.clientPackageId).toBe('ABC00002');
  });

  it('keeps values like 00000001, 3.10 and false as strings', () => {
    const doc = readTaskSequence('<sequence version="3.10"><globalVarList><variable name="A" property="A">00000001</variable><variable name="B" property="B">false</variable></globalVarList></sequence>');
    expect(doc.sequence.attributes.version).toBe('3.10');
    const values: string[] = [];
    visit(doc.sequence, (n) => {
      if (n.kind === 'variable') values.push(n.value);
    });
    expect(values).toEqual(['00000001', 'false']);
  });

  it('escapes paths in step paths so a name with / stays one segment', () => {
    const doc = readTaskSequence('<sequence version="3.10"><group name="/a"><step type="X" name="b\\c"/></group></sequence>');
    expect(listItems(doc.sequence).map((i) => i.path)).toEqual(['\\/a', '\\/a/b\\\\c']);
  });
});

describe('edits change only the edited elements', () => {
  it('a variable value: one text region differs', () => {
    const doc = readTaskSequence(PRETTY);
    new SetupWindowsStep(setupStep(doc.sequence)).clientInstallProperties = 'SMSSLP=SLP01 FSP=FSP01';
    expect(writeTaskSequenceText(doc)).toBe(PRETTY.replace('>SMSSLP=SLP01<', '>SMSSLP=SLP01 FSP=FSP01<'));
  });

  it('an attribute value keeps the other attributes spelled as they were', () => {
    const input = `<sequence version="3.00"><group name='A &amp; B'   description="x"><step type="T" name="s"/></group></sequence>`;
    const doc = readTaskSequence(input);
    const group = listItems(doc.sequence)[0]!.node;
    setAttribute(group, 'description', 'say "hi"');
    setAttribute(group, 'disable', 'true');
    expect(writeTaskSequenceText(doc)).toBe(
      `<sequence version="3.00"><group name='A &amp; B'   description="say &quot;hi&quot;" disable='true'><step type="T" name="s"/></group></sequence>`,
    );
  });

  it('inserted steps take the indentation and newline of a pretty-printed file', () => {
    const doc = readTaskSequence(PRETTY);
    const setup = setupStep(doc.sequence);
    insertAfter(doc.sequence, setup, [
      createInstallSoftwareStep({ name: 'Run CCMCertFix', packageId: 'ABC00010', programName: 'CCMCertFix', retryAttributes: false }),
      createRestartComputerStep({ name: 'Restart Computer', retryAttributes: false }),
    ]);
    const added = `
    <step type="SMS_TaskSequence_InstallSoftwareAction" name="Run CCMCertFix" description="" runIn="FullOS" successCodeList="0">
      <action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action>
      <defaultVarList>
        <variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable>
        <variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable>
      </defaultVarList>
    </step>
    <step type="SMS_TaskSequence_RebootAction" name="Restart Computer" description="" runIn="WinPEandFullOS" successCodeList="0">
      <action>smsboot.exe /target:HD</action>
      <defaultVarList>
        <variable name="SMSRebootMessage" property="Message"></variable>
        <variable name="SMSRebootTimeout" property="MessageTimeout">0</variable>
        <variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable>
      </defaultVarList>
    </step>`;
    expect(writeTaskSequenceText(doc)).toBe(PRETTY.replace('    </step>\n', `    </step>${added}\n`));
  });

  it('inserted steps stay on one line in a one-line file, with its empty-element form', () => {
    const doc = readTaskSequence(ONE_LINE);
    insertAfter(doc.sequence, setupStep(doc.sequence), [createRestartComputerStep({ name: 'Restart Computer' })]);
    expect(writeTaskSequenceText(doc)).toBe(
      ONE_LINE.replace(
        '</step></sequence>',
        '</step><step type="SMS_TaskSequence_RebootAction" name="Restart Computer" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step></sequence>',
      ),
    );
  });

  it('CRLF files get CRLF in inserted steps', () => {
    const crlf = PRETTY.replace(/\n/g, '\r\n');
    const doc = readTaskSequence(crlf);
    insertAfter(doc.sequence, setupStep(doc.sequence), [createRestartComputerStep({ name: 'R', retryAttributes: false })]);
    const out = writeTaskSequenceText(doc);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out.startsWith(crlf.slice(0, crlf.indexOf('    </step>') + 13))).toBe(true);
  });

  it('a reference is added to an existing referenceList once, never to a sequence without one', () => {
    const doc = readTaskSequence(ONE_LINE);
    expect(addPackageReference(doc.sequence, 'ABC00010')).toBe('added');
    expect(addPackageReference(doc.sequence, 'abc00010')).toBe('present');
    expect(writeTaskSequenceText(doc)).toBe(ONE_LINE.replace('</referenceList>', '<reference package="ABC00010"/></referenceList>'));
    const bare = readTaskSequence(PRETTY);
    expect(addPackageReference(bare.sequence, 'ABC00010')).toBe('no-list');
    expect(writeTaskSequenceText(bare)).toBe(PRETTY);
  });

  it('a missing variable is added to the defaultVarList laid out like its siblings', () => {
    const doc = readTaskSequence(PRETTY);
    setVariable(setupStep(doc.sequence), { name: 'OSDX', property: 'X' }, 'v');
    expect(writeTaskSequenceText(doc)).toBe(
      PRETTY.replace(
        '>ABC00002</variable>\n',
        '>ABC00002</variable>\n        <variable name="OSDX" property="X">v</variable>\n',
      ),
    );
  });

  it('removing a step takes its indentation with it; REMOVE in a visit does the same for any node', () => {
    const doc = readTaskSequence(PRETTY);
    expect(removeItem(doc.sequence, setupStep(doc.sequence))).toBe(true);
    expect(writeTaskSequenceText(doc)).toBe(PRETTY.replace(/\n    <step[\s\S]*?<\/step>/, ''));
    const doc2 = readTaskSequence(PRETTY);
    visit(doc2.sequence, (n) => (n.kind === 'comment' ? REMOVE : undefined));
    expect(writeTaskSequenceText(doc2)).toBe(PRETTY.replace('\n    <!-- keep me -->', ''));
  });

  it('a self-closing element that gains content is written open and closed', () => {
    const input = '<?xml version="1.0"?>\r\n<SmsTaskSequencePackage>\r\n  <DependentProgram />\r\n  <SequenceData><sequence version="3.00"/></SequenceData>\r\n</SmsTaskSequencePackage>';
    const doc = readTaskSequence(input);
    expect(doc.getProperty('DependentProgram')).toBe('');
    doc.setProperty('DependentProgram', 'ABC00010;;CCMCertFix');
    expect(writeTaskSequenceText(doc)).toBe(input.replace('<DependentProgram />', '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>'));
  });

  it('a self-closing variable given a value is written as text even when CDATA follows it', () => {
    const input = '<sequence><step type="T" name="s"><defaultVarList><variable name="A" property="A"/><![CDATA[x]]></defaultVarList></step></sequence>';
    const doc = readTaskSequence(input);
    setVariable(findSteps(doc.sequence)[0]!.node, 'A', 'a<b');
    expect(writeTaskSequenceText(doc)).toBe(input.replace('<variable name="A" property="A"/>', '<variable name="A" property="A">a&lt;b</variable>'));
  });

  it('a restart view reads target and notification', () => {
    const doc = readTaskSequence(ONE_LINE);
    const step = createRestartComputerStep({ name: 'R', notify: true });
    insertAfter(doc.sequence, setupStep(doc.sequence), [step]);
    const view = new RestartComputerStep(step);
    expect([view.target, view.timeout, view.notifiesUser]).toEqual(['HD', '60', true]);
    view.timeout = '0';
    expect(view.notifiesUser).toBe(false);
  });

  it('writes UTF-16LE back as UTF-16LE with its BOM after an edit', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ONE_LINE, 'utf16le')]);
    const doc = readTaskSequence(bytes);
    new SetupWindowsStep(setupStep(doc.sequence)).clientInstallProperties = 'FSP=F';
    const out = Buffer.from(writeTaskSequence(doc));
    expect(out.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(out.subarray(2).toString('utf16le')).toBe(ONE_LINE.replace('"ClientInstallProperties"></variable>', '"ClientInstallProperties">FSP=F</variable>'));
  });
});
