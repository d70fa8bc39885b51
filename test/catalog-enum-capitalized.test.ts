// An enum setting is typed as its allowed values in the spellings consoles write. Consoles differ in case, and not only
// between all lower and all upper: real exports write Format and Partition Disk's disk type `Basic` (the catalog's
// BASIC), MDT's Configure ADDS `Yes` and `No` (YES, NO), which are the catalog's own defaults. The type refused
// them, so a script could not build what the file it read holds, and the value it read was not of its type.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ArrayItemSettings, StepSettings } from '../lib/catalog/settings-types.js';
import { buildStep, catalogEntry, readTaskSequence, stepView, type Step } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

type DiskType = NonNullable<StepSettings<'SMS_TaskSequence_PartitionDiskAction'>['diskType']>;
type AutoConfigDns = NonNullable<StepSettings<'BDD_ConfigureADDS'>['autoConfigDns']>;
type SizeUnits = NonNullable<ArrayItemSettings<'SMS_TaskSequence_PartitionDiskAction', 'Partitions'>['sizeUnits']>;

const PARTITION = `<sequence version="3.10">
  <step type="SMS_TaskSequence_PartitionDiskAction" name="Partition" description="" runIn="WinPE" successCodeList="0" retryCount="0" runFromNet="false">
    <action>osddiskpart.exe</action>
    <defaultVarList>
      <variable name="OSDDiskIndex" property="DiskIndex">0</variable>
      <variable name="OSDDiskType" property="DiskType">Basic</variable>
      <variable name="OSDPartitionStyle" property="PartitionStyle">MBR</variable>
    </defaultVarList>
  </step>
</sequence>
`;

describe('an enum setting takes the capitalised spelling real exports write', () => {
  it('Basic, Yes and No compile where the setting is typed, and Percent stays one', () => {
    expectTypeOf<'Basic'>().toExtend<DiskType>();
    expectTypeOf<'No'>().toExtend<AutoConfigDns>();
    expectTypeOf<'Yes'>().toExtend<AutoConfigDns>();
    expectTypeOf<'Percent'>().toExtend<SizeUnits>();
    // Still closed: a value no console offers is no value of the type.
    expectTypeOf<'Basically'>().not.toExtend<DiskType>();
    expectTypeOf<'Maybe'>().not.toExtend<AutoConfigDns>();
  });

  it('the catalog default of each such setting is one of its allowed values in that spelling', () => {
    const entry = catalogEntry('SMS_TaskSequence_PartitionDiskAction');
    const diskType = entry?.variables.find((v) => v.setting === 'diskType');
    const def = diskType?.default ?? '';
    expect(diskType?.allowed?.map((a) => `${a.slice(0, 1)}${a.slice(1).toLowerCase()}`)).toContain(def);
  });

  it('a file\'s Basic reads back as a setting, and builds the same step again', () => {
    const doc = readTaskSequence(PARTITION);
    const node = doc.steps()[0]?.node as Step;
    const settings = stepView<'SMS_TaskSequence_PartitionDiskAction'>(node).settings;
    const read: DiskType | undefined = settings.diskType;
    expect(read).toBe('Basic');
    const again = buildStep('Format and Partition Disk', { name: 'Partition', settings: { diskIndex: 0, diskType: 'Basic', partitionStyle: 'MBR', partitions: [] } }) as Step;
    expect(stepView<'SMS_TaskSequence_PartitionDiskAction'>(again).settings.diskType).toBe('Basic');
    expect(verdict(() => buildStep('Configure ADDS', { name: 'ADDS', settings: { autoConfigDns: 'No', confirmGc: 'Yes', criticalReplicationOnly: 'No' } }))).toBe('ok');
  });
});
