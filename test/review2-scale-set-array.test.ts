import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepView } from '../lib/catalog/index.js';
import { placeInPropertyOrder, removeItemVariable } from '../lib/catalog/variable-order.js';
import { itemSpelling, matchVariable } from '../lib/catalog/variable-match.js';
import { encodeValue, type SettingValue } from '../lib/catalog/values.js';
import { variables } from '../lib/model/variables.js';
import { setVariable } from '../lib/model/set-variable.js';
import { findSteps, readTaskSequence, writeTaskSequenceText, type Step } from './helpers/api.js';

type Partition = Record<string, unknown>;

/** The array write as it was made before: one variable at a time (removed, set, then sorted into place). */
function oneAtATime(step: Step, items: Partition[]): void {
  const view = stepView(step);
  const entry = view.entry;
  if (!entry) throw new Error('no entry');
  const data = entry.variables.find((v) => v.setting === 'partitions' && !v.arrayOf);
  if (!data) throw new Error('no partitions');
  const fields = entry.variables.filter((v) => v.arrayOf === data.property);
  const write = (spelling: { name: string; property: string; hidden: boolean }, text: string) => {
    const before = variables(step).length;
    const v = setVariable(step, spelling, text);
    if (variables(step).length > before) placeInPropertyOrder(step, v);
  };
  const verbatim = view.verbatim;
  for (const v of variables(step)) {
    const m = matchVariable(entry, v);
    if (!m || m.index === undefined || m.data.arrayOf !== data.property) continue;
    const item = items[m.index];
    if (item !== undefined && item[m.data.setting] !== undefined) continue;
    if (item === undefined || !Object.hasOwn(verbatim, v.attributes.property ?? '')) removeItemVariable(step, v);
  }
  write({ name: data.name, property: data.property, hidden: data.hidden }, String(items.length));
  items.forEach((item, index) => {
    for (const field of fields) {
      const value = item[field.setting];
      if (value !== undefined) write({ ...itemSpelling(field, index), hidden: field.hidden }, encodeValue(field.valueType, value as SettingValue));
    }
  });
}

const v = (name: string, value: string, hidden = false) => `      <variable name="OSD${name}" property="${name}"${hidden ? ' hidden="true"' : ''}>${value}</variable>\n`;
/** Partition Disk steps as read: console form (sorted), MDT's order (unsorted, a Bootable of True kept verbatim). */
const STARTS = [
  [v('DiskIndex', '0'), v('PartitionStyle', 'GPT'), v('Partitions', '2', true), v('Partitions0FileSystem', 'NTFS'), v('Partitions0Size', '100'), v('Partitions0Type', 'Primary'), v('Partitions1Type', 'Recovery')].join(''),
  [v('Partitions1Type', 'Recovery'), v('Partitions', '3', true), v('DiskIndex', '0'), v('Partitions0Bootable', 'True'), v('Partitions0Type', 'Primary'), v('PartitionStyle', 'MBR'), v('Partitions2Size', '5')].join(''),
  v('DiskIndex', '0') + v('PartitionStyle', 'GPT'),
];
const text = (vars: string) =>
  `<sequence version="3.10">\n  <step type="SMS_TaskSequence_PartitionDiskAction" name="Partition" description="" runIn="WinPE" successCodeList="0">\n    <action>OSDDiskPart.exe</action>\n    <defaultVarList>\n${vars}    </defaultVarList>\n  </step>\n</sequence>\n`;

const partition = fc.record(
  { type: fc.constantFrom('Primary', 'Recovery', 'Extended', 'Logical'), size: fc.integer({ min: 1, max: 999 }), fileSystem: fc.constantFrom('NTFS', 'FAT32'), bootable: fc.boolean(), quickFormat: fc.boolean() },
  // The fields the console writes for every item are given: a new item without them is refused, or gets a default.
  { requiredKeys: ['type', 'quickFormat', 'bootable'] },
);

describe('an array setting is written as a batch, to the same text as one variable at a time', () => {
  it('growing, shrinking and changing the partitions of sorted and unsorted steps', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STARTS), fc.array(partition, { maxLength: 6 }), (start, items) => {
        const doc = readTaskSequence(text(start));
        const reference = readTaskSequence(text(start));
        stepView(findSteps(doc.sequence)[0]?.node as Step).set('partitions' as never, items);
        oneAtATime(findSteps(reference.sequence)[0]?.node as Step, items);
        expect(writeTaskSequenceText(doc)).toBe(writeTaskSequenceText(reference));
      }),
      { numRuns: 300 },
    );
  });

  it('thousands of partitions, set, reset and cut back to one', () => {
    const doc = readTaskSequence(text(STARTS[0] as string));
    const step = findSteps(doc.sequence)[0]?.node as Step;
    const items = Array.from({ length: 3000 }, (_, i) => ({ type: 'Primary', bootable: false, quickFormat: true, size: i + 1, fileSystem: 'NTFS' }));
    stepView(step).set('partitions' as never, items);
    expect(stepView(step).settings).toEqual({ diskIndex: 0, partitionStyle: 'GPT', partitions: items });
    const props = variables(step).map((x) => x.attributes.property ?? '');
    expect(props).toEqual([...props].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    stepView(step).set('partitions' as never, [{ type: 'Recovery', quickFormat: true }] as never);
    // Bootable, which the console writes for every item, with its default.
    expect(writeTaskSequenceText(doc)).toBe(text([v('DiskIndex', '0'), v('PartitionStyle', 'GPT'), v('Partitions', '1', true), v('Partitions0Bootable', 'false'), v('Partitions0QuickFormat', 'true'), v('Partitions0Type', 'Recovery')].join('')));
  });
});
