// Which steps set a variable through a destination setting, as Microsoft's step reference describes them
// (learn.microsoft.com/mem/configmgr/osd/understand/task-sequence-steps): Format and Partition Disk puts each
// partition's drive letter into the variable named in its partition's Advanced settings (Partitions{n}VolumeLetterVariable),
// and Download Package Content saves each package's path in the variable named, with a suffix per package (Drivers01,
// Drivers02…). Apply Operating System's "Logical drive letter stored in a variable" (DestinationVariable) and MDT's
// Install Operating System (DestinationOSVariable) read that variable: they set nothing. The variables-set rule took
// the destination settings for variables every step sets and did not know the partition's one, so a Format and
// Partition Disk step between two Setup branches left them exclusive, and an Apply Operating System step did not.
import { describe, expect, it } from 'vitest';
import { appliedWith, variable, condition, step, sequence, names } from './helpers/kb-branches.js';
import { itemUsage, listItems, readTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:', force: true };
const applied = (input: string) => appliedWith(O, input);
const vars = (pairs: [string, string, string][]) => `<defaultVarList>${pairs.map(([n, p, v]) => `<variable name="${n}" property="${p}">${v}</variable>`).join('')}</defaultVarList>`;
const PARTITION = step('SMS_TaskSequence_PartitionDiskAction', 'Partition data disk', `<action>OSDDiskPart.exe</action>${vars([['OSDDiskIndex', 'DiskIndex', '1'], ['OSDPartitions', 'Partitions', '1'], ['OSDPartitions0FileSystem', 'Partitions0FileSystem', 'NTFS'], ['OSDPartitions0VolumeLetterVariable', 'Partitions0VolumeLetterVariable', 'DataDisk']])}`);
const DOWNLOAD = step('SMS_TaskSequence_DownloadPackageContentAction', 'Download drivers', `<action>OSDDownloadContent.exe</action>${vars([['OSDDownloadDestinationLocationType', 'DestinationLocationType', 'TSCache'], ['OSDDownloadDestinationVariable', 'DestinationVariable', 'Drivers'], ['OSDDownloadDownloadPackages', 'DownloadPackages', 'ABC00031,ABC00032']])}`);
const APPLY_DATA = step('SMS_TaskSequence_ApplyOperatingSystemAction', 'Apply image to the data disk', `<action>OSDApplyOS.exe</action>${vars([['OSDImageIndex', 'ImageIndex', '1'], ['OSDImagePackageId', 'ImagePackageID', 'ABC00005'], ['DestinationVariable', 'DestinationVariable', 'DataDisk']])}`);
const opposite = (name: string, value: string) => [condition(variable(name, 'equals', value)), condition(variable(name, 'notEquals', value))] as const;
const usageOf = (xml: string, name: string) => itemUsage(listItems(readTaskSequence(xml).sequence).find((l) => l.node.attributes.name === name)?.node as never);

describe('a step that sets the tested variable through a destination setting keeps the branches from excluding each other', () => {
  it.each([
    ['Format and Partition Disk, the drive letter of a partition', PARTITION, 'DataDisk', 'D:', 'Partition data disk'],
    ['Download Package Content, the path of its second package', DOWNLOAD, 'Drivers02', 'C:\\Drivers', 'Download drivers'],
  ])('%s: the KB pair goes in after the first Setup step, and the report says why', (_, setter, tested, value, name) => {
    const [laptops, desktops] = opposite(tested, value);
    const { report, out } = applied(sequence(laptops, desktops, setter));
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4', 'R13', 'R14']);
    expect(report.diagnostics.find((d) => d.code === 'KB977203_BRANCHES_NOT_EXCLUSIVE')?.message).toContain(`"Install Operating System/Setup for laptops/${name}" between them sets "${tested}"`);
    expect(names(out).filter((n) => n === 'Run CCMCertFix (KB977203)')).toHaveLength(1);
  });

  it("an Apply Operating System step reads its destination variable and sets nothing: the branches still exclude each other", () => {
    const [laptops, desktops] = opposite('DataDisk', 'D:');
    const { report } = applied(sequence(laptops, desktops, APPLY_DATA));
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4']);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_BRANCHES_NOT_EXCLUSIVE');
  });
});

describe("the page's usage tables say the same", () => {
  const xml = sequence(...opposite('DataDisk', 'D:'), PARTITION + DOWNLOAD + APPLY_DATA);
  it('Format and Partition Disk sets the partition variable; Download Package Content sets one variable per package', () => {
    expect(usageOf(xml, 'Partition data disk').sets).toEqual(['DataDisk']);
    expect(usageOf(xml, 'Download drivers').sets).toEqual(['Drivers01', 'Drivers02']);
  });
  it('Apply Operating System reads its destination variable', () => {
    expect(usageOf(xml, 'Apply image to the data disk')).toMatchObject({ sets: [], reads: ['DataDisk'] });
  });
});
