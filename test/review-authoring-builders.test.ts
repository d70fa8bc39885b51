// A review of the authoring API as a script author uses it found builders and views that wrote what no console
// writes, or let a bad value through where `set` refuses it:
// - a partition item without the fields the console writes for every item (type, quick format) was written with
//   none of them, and read back as no partitions at all;
// - the builders left out variables every Current Branch export writes (Check Readiness' thresholds, Run Command
//   Line's run-as-user flag, Apply Driver Package's recurse option, …);
// - `RestartComputerStep.timeout = 'abc'` was written; `setProgram` changed the package before refusing the program;
// - Format and Partition Disk's disk index stopped at 99, the range of consoles before 2103 (later ones take 10000);
// - integers with no range of their own, and `setRetryCount`, took numbers no UInt32 holds;
// - `findItems(null)` and `renderAction(null)` threw TypeErrors; `viewOf` gave nothing for MDT's typeless steps.
import { describe, expect, it } from 'vitest';
import {
  applyTransform,
  buildStep,
  createInstallSoftwareStep,
  createRestartComputerStep,
  findItems,
  findSteps,
  getAction,
  InstallSoftwareStep,
  readTaskSequence,
  renderAction,
  RestartComputerStep,
  RunCommandLineStep,
  setRetryCount,
  stepView,
  validateStepSettings,
  variables,
  viewOf,
  writeTaskSequenceText,
  type Step,
} from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const values = (step: Step) => Object.fromEntries(variables(step).map((v) => [v.attributes.name, v.value]));

describe('partition items', () => {
  it('an item without the fields the console writes for every item is refused, naming the field', () => {
    const e = thrown(() => buildStep('Format and Partition Disk', { name: 'P', settings: { diskIndex: 0, partitionStyle: 'MBR', partitions: [{} as never] } }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('partitions[0] needs its quickFormat (OSDPartitions0QuickFormat)');
    expect(thrown(() => buildStep('Format and Partition Disk', { name: 'P', settings: { diskIndex: 0, partitionStyle: 'MBR', partitions: [{ quickFormat: true } as never] } })).message).toContain('needs its type');
  });

  it('one with them gets bootable with its default, and reads back as written', () => {
    const step = buildStep('Format and Partition Disk', { name: 'P', settings: { diskIndex: 0, partitionStyle: 'MBR', partitions: [{ type: 'Primary', quickFormat: true }] } }) as Step;
    expect(values(step)).toMatchObject({ OSDPartitions: '1', OSDPartitions0Bootable: 'false', OSDPartitions0QuickFormat: 'true', OSDPartitions0Type: 'Primary' });
    expect(stepView<'SMS_TaskSequence_PartitionDiskAction'>(step).get('partitions')).toEqual([{ type: 'Primary', quickFormat: true, bootable: false }]);
  });

  it('set refuses a new item without them, and an item that drops one, before anything is written', () => {
    const doc = readTaskSequence(`<sequence version="3.10">\n${writeStep(buildStep('Format and Partition Disk', { name: 'P', settings: { diskIndex: 0, partitionStyle: 'GPT', partitions: [{ type: 'Primary', quickFormat: true }] } }) as Step)}</sequence>\n`);
    const before = writeTaskSequenceText(doc);
    const view = stepView<'SMS_TaskSequence_PartitionDiskAction'>(findSteps(doc.sequence)[0]?.node as Step);
    expect(thrown(() => view.set('partitions', [{ type: 'Primary', quickFormat: true }, { size: 100 }])).message).toContain('partitions[1] needs its');
    expect(thrown(() => view.set('partitions', [{ type: 'Primary' }])).message).toContain('partitions[0] needs its quickFormat');
    expect(writeTaskSequenceText(doc)).toBe(before);
  });

  it('an item a file holds without one (a hand-made MDT file) can still be set as it reads', () => {
    const xml = `<sequence version="3.00">\n<step type="SMS_TaskSequence_PartitionDiskAction" name="P" description="" runIn="WinPE" successCodeList="0"><action>osddiskpart.exe</action><defaultVarList><variable name="OSDDiskIndex" property="DiskIndex">0</variable><variable name="OSDPartitionStyle" property="PartitionStyle">MBR</variable><variable name="OSDPartitions" property="Partitions">1</variable><variable name="OSDPartitions0Type" property="Partitions0Type">Primary</variable><variable name="OSDPartitions0Size" property="Partitions0Size">99</variable></defaultVarList></step>\n</sequence>\n`;
    const doc = readTaskSequence(xml);
    const view = stepView<'SMS_TaskSequence_PartitionDiskAction'>(findSteps(doc.sequence)[0]?.node as Step);
    view.set('partitions', [{ type: 'Primary', size: 100 }]);
    expect(writeTaskSequenceText(doc)).toBe(xml.replace('>99<', '>100<'));
  });
});

/** A step as a line of a sequence. */
function writeStep(step: Step): string {
  const doc = readTaskSequence('<sequence version="3.10"/>');
  doc.sequence.children.push(step);
  return writeTaskSequenceText(doc).replace(/^<sequence version="3.10">|<\/sequence>$/g, '');
}

describe('variables every Current Branch export writes', () => {
  it('are written with their defaults by a Current Branch builder, as the corpus exports have them', () => {
    expect(values(buildStep('Check Readiness', { name: 'C', settings: {} }) as Step)).toMatchObject({ OSDFreeDiskSpace: '25000', OSDMemory: '512', OSDOSType: 'CLIENT', OSDProcessorSpeed: '800' });
    expect(values(buildStep('Run Command Line', { name: 'R', settings: { commandLine: 'cmd /c exit 0' } }) as Step)).toMatchObject({ _SMSTSRunCommandLineAsUser: 'false' });
    expect(values(buildStep('Install Software Updates', { name: 'U', settings: { target: 'All' } }) as Step)).toMatchObject({ RetryCount: '2' });
    expect(values(buildStep('Restart Computer', { name: 'R', settings: { target: 'HD' } }) as Step)).toMatchObject({ SMSRebootTimeout: '60' });
  });

  it('and not by a builder for a release before Current Branch', () => {
    const older = values(buildStep('Check Readiness', { name: 'C', release: '2012 R2', settings: {} }) as Step);
    expect(older.OSDFreeDiskSpace).toBeUndefined();
    expect(values(buildStep('Run Command Line', { name: 'R', release: '2012 R2', settings: { commandLine: 'x' } }) as Step)._SMSTSRunCommandLineAsUser).toBeUndefined();
  });
});

describe('views and setters check what they write', () => {
  it('a restart time-out that is no whole number of seconds is refused; one that is is written', () => {
    const view = new RestartComputerStep(createRestartComputerStep({ name: 'R', message: 'hi' }));
    for (const bad of ['-5', 'abc', '1.5', ' 30', 2 ** 32, -1]) expect(thrown(() => (view.timeout = bad)).code).toBe('INVALID_ARGUMENT');
    view.timeout = '30';
    expect(view.timeout).toBe('30');
    view.timeout = 0;
    expect(view.timeout).toBe('0');
    expect(view.notifiesUser).toBe(false);
  });

  it('a time-out a file holds that is no number is not taken for a notice', () => {
    const doc = readTaskSequence('<sequence version="3.10"><step type="SMS_TaskSequence_RebootAction" name="R"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootTimeout" property="MessageTimeout">abc</variable></defaultVarList></step></sequence>');
    expect(new RestartComputerStep(findSteps(doc.sequence)[0]?.node as Step).notifiesUser).toBe(false);
  });

  it('setProgram changes nothing when it refuses either value', () => {
    const step = createInstallSoftwareStep({ name: 'IS', packageId: 'ABC00002', programName: 'Install' });
    const view = new InstallSoftwareStep(step);
    const before = JSON.stringify(step);
    expect(thrown(() => view.setProgram('XYZ00009', 'bad;name')).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => view.setProgram('not an id', 'Install')).code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(step)).toBe(before);
    view.setProgram('XYZ00009', 'Other');
    expect([view.packageId, view.programName, getAction(step)]).toEqual(['XYZ00009', 'Other', 'smsswd.exe /pkg:XYZ00009 /install /basevar: /continueOnError:']);
  });

  it('a disk index up to 10000 (consoles from 2103) is taken, past it refused', () => {
    const settings = (diskIndex: number) => ({ diskIndex, partitionStyle: 'GPT' as const, partitions: [{ type: 'Primary' as const, quickFormat: true }] });
    expect(values(buildStep('Format and Partition Disk', { name: 'P', settings: settings(150) }) as Step).OSDDiskIndex).toBe('150');
    expect(thrown(() => buildStep('Format and Partition Disk', { name: 'P', settings: settings(10001) })).message).toContain('from 0 to 10000');
  });

  it('an integer with no range of its own, and a retry count, stop at a UInt32', () => {
    expect(thrown(() => buildStep('Check Readiness', { name: 'C', settings: { memory: 2 ** 50, checkMemory: true } })).message).toContain('from 0 to 4294967295');
    expect(validateStepSettings('Check Readiness', { memory: 2 ** 32 })).not.toEqual([]);
    const step = createInstallSoftwareStep({ name: 'IS', packageId: 'ABC00002', programName: 'Install' });
    expect(thrown(() => setRetryCount(step, 2 ** 50)).message).toContain('from 0 to 4294967295');
    // A string is shown as one, not as the number it looks like.
    expect(thrown(() => setRetryCount(step, '1' as never)).message).toContain('"1"');
    setRetryCount(step, 4294967295);
    expect(step.attributes.retryCount).toBe('4294967295');
  });

  it('findItems, findSteps and renderAction refuse what is no sequence or template with a code', () => {
    for (const f of [() => findItems(null as never, {}), () => findSteps(undefined as never), () => findItems(readTaskSequence('<sequence/>').sequence, null as never), () => renderAction(null as never, {}), () => renderAction('x', null as never)]) {
      expect(thrown(f).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('viewOf reads MDT\'s typeless <step> as the Run Command Line it is', () => {
    const doc = readTaskSequence('<sequence version="3.00"><step name="Apply Windows PE"><action>cmd /c echo</action></step></sequence>');
    const view = viewOf(findSteps(doc.sequence)[0]?.node as Step);
    expect(view).toBeInstanceOf(RunCommandLineStep);
    expect((view as RunCommandLineStep).commandLine).toBe('cmd /c echo');
  });
});

describe('a transform spells the steps it inserts for the sequence\'s release', () => {
  const sequence = (version: string) => `<sequence version="${version}">\n  <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action></step>\n</sequence>\n`;
  const insert = (version: string) => {
    const doc = readTaskSequence(sequence(version));
    applyTransform('insert-steps-after', doc, { after: { name: 'Setup' }, steps: [{ type: 'run-command-line', name: 'Log', commandLine: 'cmd /c echo' }, { type: 'set-variable', name: 'Mark', variableName: 'Done', value: 'true' }] });
    return writeTaskSequenceText(doc);
  };

  it('Current Branch (3.10): the run-as-user flag and /hiddenflag its console writes', () => {
    const out = insert('3.10');
    expect(out).toContain('_SMSTSRunCommandLineAsUser');
    expect(out).toContain('/hiddenflag:False');
  });

  it('2007 to 2012 R2 (3.00): neither, which those consoles do not write (/hiddenflag first shipped in CB 1806)', () => {
    const out = insert('3.00');
    expect(out).not.toContain('_SMSTSRunCommandLineAsUser');
    expect(out).not.toContain('hiddenflag');
  });
});
