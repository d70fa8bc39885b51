import { describe, expect, it } from 'vitest';
import { addStep, copyItemTo, createSequence, setRetryCount, setSuccessCodes, stepView } from '../lib/catalog/index.js';
import { addItem, copyItem, createGroup, moveItem } from '../lib/model/authoring.js';
import { isEnabled, renameItem, setContinueOnError, setEnabled, setItemAttribute, setTimeoutSeconds } from '../lib/model/attributes.js';
import { buildCondition, readCondition, setCondition } from '../lib/model/condition-builder.js';
import { nextItem } from '../lib/model/query.js';
import { findGroup, findItems } from '../lib/model/find-items.js';
import { referencedPackages, conditionOf, describeCondition, findSteps, readTaskSequence, writeTaskSequenceText, type Group, type Step } from './helpers/api.js';

const PRETTY = `<?xml version="1.0"?>
<sequence version="3.00">
  <group name="Install" description="">
    <step type="SMS_TaskSequence_RebootAction" name="Restart" description="" runIn="WinPEandFullOS" successCodeList="0">
      <action>smsboot.exe /target:HD</action>
      <defaultVarList>
        <variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable>
      </defaultVarList>
    </step>
  </group>
  <group name="Drivers" description="">
  </group>
</sequence>
`;

const ONE_LINE = '<sequence version="3.10"><referenceList><reference package="ABC00001"/></referenceList><group name="G" description=""><step type="SMS_TaskSequence_RunCommandLineAction" name="Run" description="" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false"><action>smsswd.exe /run:ABC00001 setup.exe</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">setup.exe</variable><variable name="PackageID" property="PackageID" hidden="true">ABC00001</variable></defaultVarList></step></group></sequence>';

describe('authoring keeps the formatting of untouched parts', () => {
  it('adds an Apply Driver Package step with a condition last in an empty group, laid out like its neighbours, without retryCount in a 2007-style sequence', () => {
    const doc = readTaskSequence(PRETTY);
    const group = findGroup(doc.sequence, 'Drivers') as Group;
    addStep(doc, 'Apply Driver Package', {
      name: 'Dell drivers',
      settings: { driverPackageId: 'ABC00022', unsignedDriver: false },
      condition: buildCondition({ wmi: "SELECT * FROM Win32_ComputerSystem WHERE Manufacturer LIKE 'Dell%'" }),
    }, { last: group });
    expect(writeTaskSequenceText(doc)).toBe(PRETTY.replace('  <group name="Drivers" description="">\n  </group>', `  <group name="Drivers" description="">
    <step type="SMS_TaskSequence_ApplyDriverPackageAction" name="Dell drivers" description="" runIn="WinPE" successCodeList="0">
      <condition>
        <expression type="SMS_TaskSequence_WMIConditionExpression">
          <variable name="Namespace">root\\cimv2</variable>
          <variable name="Query">SELECT * FROM Win32_ComputerSystem WHERE Manufacturer LIKE 'Dell%'</variable>
        </expression>
      </condition>
      <action>osddriverclient.exe /install:ABC00022  /unsigned:%OSDAllowUnsignedDriver%</action>
      <defaultVarList>
        <variable name="OSDApplyDriverDriverPackageID" property="DriverPackageID" hidden="true">ABC00022</variable>
        <variable name="OSDAllowUnsignedDriver" property="UnsignedDriver">false</variable>
      </defaultVarList>
    </step>
  </group>`));
  });

  it('adds a group before a step, first in a group and at an index, and moves a step into it', () => {
    const doc = readTaskSequence(PRETTY);
    const restart = findSteps(doc.sequence)[0]?.node as Step;
    const prepare = createGroup({ name: 'Prepare', disabled: true });
    addItem(doc.sequence, prepare, { first: doc.sequence });
    addItem(doc.sequence, createGroup({ name: 'Second' }), { parent: doc.sequence, index: 1 });
    moveItem(doc.sequence, restart, { last: prepare });
    expect(findItems(doc.sequence).map((l) => l.path)).toEqual(['Prepare', 'Prepare/Restart', 'Second', 'Install', 'Drivers']);
    const text = writeTaskSequenceText(doc);
    expect(text).toContain('  <group name="Prepare" description="" disable="true">\n    <step type="SMS_TaskSequence_RebootAction" name="Restart"');
    expect(text).toContain('  <group name="Second" description=""/>\n  <group name="Install" description="">\n  </group>');
    expect(text.endsWith('  <group name="Drivers" description="">\n  </group>\n</sequence>\n')).toBe(true);
  });

  it('copies a step between sequences together with the package reference it needs', () => {
    const from = readTaskSequence(ONE_LINE);
    const to = createSequence('cim-instance', { name: 'Target' });
    const step = findSteps(from.sequence)[0]?.node as Step;
    addStep(to, 'Set Task Sequence Variable', { name: 'Mark', settings: { variableName: 'X', variableValue: '1' } }, { last: to.sequence });
    const copy = copyItemTo(from.sequence, step, to.sequence, { first: to.sequence });
    expect(copy).not.toBe(step);
    expect(findItems(to.sequence).map((l) => l.node.attributes.name)).toEqual(['Run', 'Mark']);
    expect(referencedPackages(to.sequence)).toEqual(['ABC00001']);
    const again = readTaskSequence(writeTaskSequenceText(to));
    expect(again.container).toBe('cim-instance');
    expect(again.getProperty('Name')).toBe('Target');
    expect(writeTaskSequenceText(from)).toBe(ONE_LINE);
  });

  it('a copy from another document is laid out as the target is: its indentation and newlines, not the source\'s', () => {
    // PRETTY is indented with LF; the target is the same text with CRLF and tabs, and a one-line one.
    const from = readTaskSequence(PRETTY);
    const group = findItems(from.sequence, { kind: 'group' })[0]!.node as Group;
    const crlf = readTaskSequence(PRETTY.replace(/\n/g, '\r\n').replace(/ {2}/g, '\t'));
    copyItemTo(from.sequence, group, crlf.sequence, { last: crlf.sequence });
    const text = writeTaskSequenceText(crlf);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toMatch(new RegExp(`\r\n\t<group name="${group.attributes.name}"[^>]*>\r\n\t\t<`));
    const flat = readTaskSequence(ONE_LINE);
    copyItemTo(from.sequence, group, flat.sequence, { last: flat.sequence });
    expect(writeTaskSequenceText(flat)).not.toMatch(/[\r\n]/);
    // The source is left as it was.
    expect(writeTaskSequenceText(from)).toBe(PRETTY);
  });

  it('sets flags, names, time-outs, retries and success codes through typed setters', () => {
    const doc = readTaskSequence(ONE_LINE);
    const step = findSteps(doc.sequence)[0]?.node as Step;
    setEnabled(step, false);
    setContinueOnError(step, true);
    setTimeoutSeconds(step, 900);
    setSuccessCodes(step, [0, 3010, 1641]);
    setRetryCount(step, 2);
    renameItem(step, 'Run setup');
    expect(Object.entries(step.attributes)).toEqual([
      ['type', 'SMS_TaskSequence_RunCommandLineAction'],
      ['name', 'Run setup'],
      ['description', ''],
      ['disable', 'true'],
      ['continueOnError', 'true'],
      ['timeout', '900'],
      ['runIn', 'WinPEandFullOS'],
      ['successCodeList', '0 3010 1641'],
      ['retryCount', '2'],
      ['runFromNet', 'false'],
    ]);
    expect(stepView(step).settings).toMatchObject({ successCodes: [0, 3010, 1641] });
    expect(isEnabled(step)).toBe(false);
    setEnabled(step, true);
    expect('disable' in step.attributes).toBe(false);
    expect(() => renameItem(step, 'x'.repeat(51))).toThrow(/1 to 50/);
    // @ts-expect-error a misspelt attribute does not compile
    setItemAttribute(step, 'disabled', 'true');
  });

  it('refuses a time-out, retry count or success code that would be written as no whole number, leaving the step', () => {
    const doc = readTaskSequence(ONE_LINE);
    const step = findSteps(doc.sequence)[0]?.node as Step;
    const before = { ...step.attributes };
    for (const seconds of [1.5, Number.NaN, -60, 1e21, Number.POSITIVE_INFINITY]) {
      expect(() => setTimeoutSeconds(step, seconds)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    expect(() => setRetryCount(step, 1e21)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => setSuccessCodes(step, [0, 1e21])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(step.attributes).toEqual(before);
    setTimeoutSeconds(step, 0);
    expect(step.attributes.timeout).toBe('0');
  });

  it('builds, reads back and replaces conditions, placed before the action', () => {
    const doc = readTaskSequence(PRETTY);
    const restart = findSteps(doc.sequence)[0]?.node as Step;
    setCondition(restart, buildCondition({ variable: '_SMSTSInWinPE', operator: 'equals', value: 'false' }, { or: [{ folder: 'C:\\Windows' }, { not: [{ variable: 'X', operator: 'exists' }] }] }));
    expect(restart.children.find((c) => 'tag' in c)?.kind).toBe('condition');
    const cond = conditionOf(restart);
    expect(cond && readCondition(cond)).toEqual([{ variable: '_SMSTSInWinPE', operator: 'equals', value: 'false' }, { or: [{ folder: 'C:\\Windows' }, { not: [{ variable: 'X', operator: 'exists' }] }] }]);
    expect(cond && describeCondition(cond)).toBe('_SMSTSInWinPE = "false" and (folder C:\\Windows exists or not (X exists))');
    setCondition(restart, undefined);
    expect(writeTaskSequenceText(doc)).toBe(PRETTY);
  });

  it('creates empty sequences in each container that read back as that container', () => {
    for (const container of ['sequence', 'sms-package', 'cim-instance'] as const) {
      const doc = createSequence(container, { name: 'New & shiny' });
      addItem(doc.sequence, createGroup({ name: 'G' }), { last: doc.sequence });
      const again = readTaskSequence(writeTaskSequenceText(doc));
      expect(again.container).toBe(container);
      expect(findItems(again.sequence, { kind: 'group' })).toHaveLength(1);
      if (container !== 'sequence') expect(again.getProperty('Name')).toBe('New & shiny');
    }
  });

  it('copies are independent of the original', () => {
    const doc = readTaskSequence(PRETTY);
    const group = findGroup(doc.sequence, 'Install') as Group;
    const copy = copyItem(group);
    renameItem(copy, 'Install again');
    addItem(doc.sequence, copy, { after: group });
    expect(findItems(doc.sequence, { kind: 'step' }).map((l) => l.path)).toEqual(['Install/Restart', 'Install again/Restart']);
  });
});

describe('authoring edge cases', () => {
  it('keeps the MDT spelling of flags: disable="false" stays written when a step is enabled again', () => {
    const doc = readTaskSequence('<sequence version="3.00"><step name="A" disable="false" continueOnError="false" description=""><action>cmd</action></step></sequence>');
    const step = findSteps(doc.sequence)[0]?.node as Step;
    setEnabled(step, false);
    expect(step.attributes.disable).toBe('true');
    setEnabled(step, true);
    expect(writeTaskSequenceText(doc)).toBe('<sequence version="3.00"><step name="A" disable="false" continueOnError="false" description=""><action>cmd</action></step></sequence>');
  });

  it('nextItem takes a located index as a hint, and finds the item itself when the hint is stale', () => {
    const step = (name: string) => `<step type="SMS_TaskSequence_RebootAction" name="${name}"><action>smsboot.exe /target:HD</action></step>`;
    const doc = readTaskSequence(`<sequence version="3.00">\n  <group name="G">\n    ${step('A')}\n    ${step('B')}\n    <!-- c -->${step('C')}\n  </group>\n</sequence>`);
    const [a, b, c] = findSteps(doc.sequence);
    if (!a || !b || !c) throw new Error('the sample has three steps');
    const group = a.parent;
    expect(nextItem(group, a.node, a.index)).toBe(b.node);
    expect(nextItem(group, b.node, b.index)).toBe(c.node);
    expect(nextItem(group, c.node, c.index)).toBeUndefined();
    // A hint that holds another item is not taken: A's next is B whatever index is given.
    expect(nextItem(group, a.node, c.index)).toBe(b.node);
    // Something inserted before the steps since they were located: the indexes no longer hold them.
    group.children.unshift({ kind: 'comment', value: ' new ' });
    expect(nextItem(group, a.node, a.index)).toBe(b.node);
    expect(nextItem(group, b.node, b.index)).toBe(c.node);
  });

  it('refuses a group moved into itself and an index outside the group', () => {
    const doc = readTaskSequence(PRETTY);
    const install = findGroup(doc.sequence, 'Install') as Group;
    expect(() => moveItem(doc.sequence, install, { last: install })).toThrow(/into itself/);
    expect(() => addItem(doc.sequence, createGroup({ name: 'X' }), { parent: install, index: 5 })).toThrow(/outside 0…1/);
    expect(() => addItem(doc.sequence, createGroup({ name: 'X' }), { after: createGroup({ name: 'Elsewhere' }) })).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
    expect(writeTaskSequenceText(doc)).toBe(PRETTY);
  });

  it('writes every condition expression type the console has, with parameters in its order', () => {
    const cond = buildCondition(
      { registry: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso', valueName: 'Build', operator: 'equals', type: 'REG_SZ', data: '2403' },
      { software: 'Contoso Agent', productCode: '{11111111-2222-3333-4444-555555555555}', operator: 'ThisVersion', version: '1.0' },
      { file: '%windir%\\system32\\ntoskrnl.exe', version: '10.0', versionOperator: 'greaterEqual' },
    );
    expect(describeCondition(cond)).toBe(
      'registry HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Build = "2403" and software Contoso Agent version 1.0 installed and file %windir%\\system32\\ntoskrnl.exe version ≥ 10.0',
    );
    const names = cond.children.map((e) => ('children' in e ? e.children.map((v) => ('attributes' in v ? v.attributes.name : '')) : []));
    expect(names).toEqual([
      ['Data', 'KeyPath', 'Operator', 'Type', 'Value'],
      ['Operator', 'ProductCode', 'ProductName', 'Version'],
      ['Path', 'Version', 'VersionOperator'],
    ]);
  });
});
