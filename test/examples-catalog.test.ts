import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDriversToFolder, DRIVER_GROUP } from '../examples/apply-driver-package.js';
import { main } from '../lib/cli/main.js';
import { conditionOf, describeCondition, diffTaskSequences, findItems, fromYaml, lint, listItems, readTaskSequence, stepView, writeTaskSequence, type Step } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const EXAMPLES = resolve('examples');

describe('catalog examples', () => {
  it('apply-driver-package.ts adds an Apply Driver Package step with its condition in a Drivers group, once, to every export', () => {
    const out = mkdtempSync(join(tmpdir(), 'cmts-drivers-'));
    const results = addDriversToFolder(EXAMPLES, out, 'ABC00022', 'Latitude 7440');
    expect(results.map((r) => r.changed)).toEqual(readdirSync(EXAMPLES).filter((f) => f.endsWith('.xml')).map(() => true));
    for (const { file } of results) {
      const before = readTaskSequence(readFileSync(join(EXAMPLES, file)));
      const after = readTaskSequence(readFileSync(join(out, file)));
      const step = findItems(after.sequence, { name: 'Drivers for Latitude 7440' })[0];
      // In Windows PE: in a group right after Apply Operating System, so before Setup Windows and ConfigMgr.
      // (A sequence that applies none, such as the capture half of a replace, gets the group last.)
      const order = listItems(after.sequence).map((l) => l.node.attributes.type ?? l.node.attributes.name);
      const applyOs = order.indexOf('SMS_TaskSequence_ApplyOperatingSystemAction');
      expect(order.indexOf(DRIVER_GROUP)).toBe(applyOs >= 0 ? applyOs + 1 : order.length - 2);
      expect(order[order.indexOf(DRIVER_GROUP) + 1]).toBe('SMS_TaskSequence_ApplyDriverPackageAction');
      if (applyOs >= 0) expect(order.indexOf(DRIVER_GROUP)).toBeLessThan(order.indexOf('SMS_TaskSequence_SetupWindowsAndSMSAction'));
      expect(step?.path.endsWith(`${DRIVER_GROUP}/Drivers for Latitude 7440`)).toBe(true);
      // A Current Branch sequence (3.10) gets the recurse option written with its default, as every Current Branch export
      // has it; an older one does not (the option first shipped in Current Branch).
      const cb = after.sequence.attributes.version === '3.10';
      expect(stepView(step?.node as Step).settings).toEqual({ driverPackageId: 'ABC00022', unsignedDriver: false, ...(cb ? { recurse: false } : {}) });
      expect(describeCondition(conditionOf(step?.node as Step)!)).toBe("WMI root\\cimv2: SELECT * FROM Win32_ComputerSystem WHERE Model LIKE 'Latitude 7440%'");
      expect(diffTaskSequences(before, after).map((d) => `${d.change} ${d.kind} ${d.path}`).filter((d) => !d.startsWith('added reference'))).toEqual([`added group ${step?.path.slice(0, -'/Drivers for Latitude 7440'.length)}`, `added step ${step?.path}`]);
      expect(lint(after).filter((d) => d.code.startsWith('catalog/'))).toEqual([]);
      // The steps that were there are written back byte for byte: only the new group is new text.
      expect(Buffer.from(writeTaskSequence(after)).length).toBeGreaterThan(readFileSync(join(EXAMPLES, file)).length);
    }
    expect(addDriversToFolder(out, mkdtempSync(join(tmpdir(), 'cmts-drivers-')), 'ABC00022', 'Latitude 7440').every((r) => !r.changed)).toBe(true);
  });

  it('osd-as-code.yaml builds into an importable Current Branch export whose steps read back with their settings', async () => {
    const m = memoryIo({ 'osd.yaml': readFileSync(join(EXAMPLES, 'osd-as-code.yaml')) });
    expect(await main(['build', 'osd.yaml', '-o', 'object.xml'], m.io)).toBe(0);
    const doc = readTaskSequence(m.fs.get('object.xml') as Uint8Array);
    expect(doc.container).toBe('cim-instance');
    expect(doc.getProperty('Name')).toBe('Windows 11 - as code');
    expect(findItems(doc.sequence).map((l) => l.path)).toEqual([
      'Install Operating System',
      'Install Operating System/Restart in Windows PE',
      'Install Operating System/Partition Disk 0 - UEFI',
      'Install Operating System/Apply Windows 11',
      'Install Operating System/Drivers',
      'Install Operating System/Drivers/Drivers for Latitude 7440',
      'Install Operating System/Setup Windows and ConfigMgr',
      'Configure',
      'Configure/Remember the build',
      'Configure/Write the build to the registry',
    ]);
    const ps = findItems(doc.sequence, { name: 'Write the build to the registry' })[0]?.node as Step;
    expect(stepView<'SMS_TaskSequence_RunPowerShellScriptAction'>(ps).settings.sourceScript).toContain('Set-ItemProperty -Path HKLM:\\SOFTWARE\\Contoso');
    const disk = findItems(doc.sequence, { name: 'Partition Disk 0 - UEFI' })[0]?.node as Step;
    expect(stepView<'SMS_TaskSequence_PartitionDiskAction'>(disk).settings.partitions?.map((p) => p.type)).toEqual(['EFI', 'MSR', 'Primary']);
    expect(lint(doc).filter((d) => d.severity === 'error')).toEqual([]);
    // Converting the build back to YAML and building again changes nothing.
    const y = memoryIo({ 'object.xml': m.fs.get('object.xml') as Uint8Array });
    expect(await main(['convert', 'object.xml', '--to', 'yaml', '-o', 'again.yaml'], y.io)).toBe(0);
    expect(await main(['build', 'again.yaml', '-o', 'again.xml'], y.io)).toBe(0);
    expect(diffTaskSequences(doc, readTaskSequence(y.fs.get('again.xml') as Uint8Array))).toEqual([]);
  });

  it('cmts build reports a misspelt setting with its line and writes nothing', async () => {
    const m = memoryIo({ 'bad.yaml': 'steps:\n  - step: Restart Computer\n    settings:\n      targett: HD\n' });
    expect(await main(['build', 'bad.yaml', '-o', 'out.xml'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/bad\.yaml:4:7: NOT_A_TASK_SEQUENCE .*targett/);
    expect(m.fs.has('out.xml')).toBe(false);
    expect(await main(['build'], m.io)).toBe(2);
    expect(await main(['build', 'bad.yaml', '--container', 'zip'], m.io)).toBe(2);
  });
});

describe('README: sequences as code', () => {
  it('the YAML example builds into a 2007 export that reads back with its steps', () => {
    const readme = readFileSync(resolve('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Sequences as code'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const doc = readTaskSequence(writeTaskSequence(fromYaml(yaml)));
    expect(doc.container).toBe('sms-package');
    expect(doc.getProperty('Name')).toBe('Windows 7 Deploy');
    expect(findItems(doc.sequence, { kind: 'step' }).map((l) => l.path)).toEqual(['Install Operating System/Drivers for Latitude E6410', 'Install Operating System/Restart Computer']);
    expect(findItems(doc.sequence, { kind: 'step' }).every((l) => !('retryCount' in l.node.attributes))).toBe(true);
  });
});

describe('cmts build into another container', () => {
  it('a Current Branch text built as a 2007 export gets the export\'s elements in the console\'s order', async () => {
    const m = memoryIo({ 'osd.yaml': readFileSync(join(EXAMPLES, 'osd-as-code.yaml')) });
    expect(await main(['build', 'osd.yaml', '--container', 'sms-package', '-o', 'ts.xml'], m.io)).toBe(0);
    const doc = readTaskSequence(m.fs.get('ts.xml') as Uint8Array);
    expect(doc.container).toBe('sms-package');
    expect(Object.keys(doc.properties())).toEqual(['BootImageID', 'Category', 'DependentProgram', 'Description', 'Duration', 'Name', 'ProgramFlags', 'SupportedOperatingSystems', 'IconSize']);
    expect(doc.getProperty('Name')).toBe('Windows 11 - as code');
  });
});
