import { describe, expect, it } from 'vitest';
import { stepView } from '../lib/catalog/index.js';
import { findSteps, readTaskSequence, type Step } from './helpers/api.js';

function partitionStep(count: string, vars: [index: string, type: string][]): Step {
  const items = vars.map(([n, t]) => `<variable name="OSDPartitions${n}Type" property="Partitions${n}Type">${t}</variable>`).join('');
  const doc = readTaskSequence(
    `<sequence version="3.10"><step type="SMS_TaskSequence_PartitionDiskAction" name="Partition" description="" runIn="WinPE" successCodeList="0"><action>OSDDiskPart.exe</action><defaultVarList><variable name="OSDDiskIndex" property="DiskIndex">0</variable><variable name="OSDPartitions" property="Partitions" hidden="true">${count}</variable>${items}</defaultVarList></step></sequence>`,
  );
  return findSteps(doc.sequence)[0]?.node as Step;
}

describe('an array setting whose items are numbered far apart', () => {
  it('is kept as written when an index is missing, without walking the indexes between', () => {
    // One item numbered 100,000,000 and a count to match: every index below it is missing.
    const view = stepView(partitionStep('100000001', [['100000000', 'Primary']]));
    expect(view.settings).toEqual({ diskIndex: 0 });
    expect(view.verbatim).toEqual({ Partitions: '100000001', Partitions100000000Type: 'Primary' });
    expect(view.extra).toEqual([]);
  });

  it('is typed when every index is there, and kept as written when one is numbered past what a list can hold', () => {
    expect(stepView(partitionStep('2', [['0', 'Primary'], ['1', 'Recovery']])).settings).toEqual({ diskIndex: 0, partitions: [{ type: 'Primary' }, { type: 'Recovery' }] });
    // 4294967295 is no array index: the item was dropped from the view (neither typed nor verbatim) while the count
    // of the others matched.
    const view = stepView(partitionStep('1', [['0', 'Primary'], ['4294967295', 'Logical']]));
    expect(view.settings).toEqual({ diskIndex: 0 });
    expect(view.verbatim).toEqual({ Partitions: '1', Partitions0Type: 'Primary', Partitions4294967295Type: 'Logical' });
  });
});
