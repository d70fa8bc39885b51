// An array setting's item without a field the console writes for every item and has no default for (a partition's
// type, its quick-format flag): the builders, `set` and the types refuse such an item, but a file's was reported by
// nothing — lint's catalog/missing-setting checked top-level settings only, and validateStepSettings took the item.
// Both now report it in the builders' words, naming the item; a field with a default (bootable) is not reported, nor
// an item of a step not in the console's form (MDT's), nor a field that is there but empty or not of its type.
import { describe, expect, it } from 'vitest';
import { addStep, buildStep, createSequence, fromYaml, lint, readTaskSequence, stepCatalog, stepView, validateStepSettings, validatorFor, type Step } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

/** A Current Branch object.xml with one Format and Partition Disk step of two partitions, as the builders write it. */
function partitionText(): string {
  const doc = createSequence('cim-instance');
  const partitions = [
    { type: 'EFI', quickFormat: true, fileSystem: 'FAT32', size: 500, sizeUnits: 'MB' },
    { type: 'Primary', quickFormat: true, fileSystem: 'NTFS', size: 100, sizeUnits: 'Percent' },
  ] as const;
  addStep(doc, 'Format and Partition Disk', { name: 'Partition', settings: { diskIndex: 0, partitionStyle: 'GPT', partitions: [...partitions] } }, { last: doc.sequence });
  return doc.toString();
}

/** The text without the one variable element of `name`. */
function without(text: string, name: string): string {
  const out = text.replace(new RegExp(`<variable name="${name}" property="[^"]*">[^<]*</variable>`), '');
  if (out === text) throw new Error(`no variable ${name} in the text`);
  return out;
}

const missing = (text: string) => lint(readTaskSequence(text), ['catalog/missing-setting']).map((i) => `${i.severity} ${i.path} ${i.message}`);

describe('an array item without a field the console writes for every item', () => {
  it('the builders refuse it in these words', () => {
    const e = thrown(() => buildStep('Format and Partition Disk', { name: 'P', settings: { diskIndex: 0, partitionStyle: 'MBR', partitions: [{ quickFormat: true } as never] } }));
    expect(e.message).toBe('partitions[0] needs its type (OSDPartitions0Type): the console writes it for every item.');
  });

  it('lint reports it at the step, naming the item and the field, in the builders\' words', () => {
    const text = partitionText();
    expect(missing(text)).toEqual([]);
    expect(missing(without(text, 'OSDPartitions1Type'))).toEqual(['warning Partition Format and Partition Disk\'s partitions[1] needs its type (OSDPartitions1Type): the console writes it for every item.']);
    expect(missing(without(without(text, 'OSDPartitions0QuickFormat'), 'OSDPartitions0Type'))).toEqual([
      'warning Partition Format and Partition Disk\'s partitions[0] needs its quickFormat (OSDPartitions0QuickFormat): the console writes it for every item.',
      'warning Partition Format and Partition Disk\'s partitions[0] needs its type (OSDPartitions0Type): the console writes it for every item.',
    ]);
  });

  it('a field with a default is not reported (bootable: the builders write false for it)', () => {
    expect(missing(without(partitionText(), 'OSDPartitions0Bootable'))).toEqual([]);
  });

  it('a field written empty, or with a value not of its type, is there: value-type\'s to judge, not missing', () => {
    const text = partitionText();
    const empty = text.replace('property="Partitions0Type">EFI<', 'property="Partitions0Type"><');
    const wrong = text.replace('property="Partitions0QuickFormat">true<', 'property="Partitions0QuickFormat">yes<');
    expect(empty).not.toBe(text);
    expect(wrong).not.toBe(text);
    expect(missing(empty)).toEqual([]);
    expect(missing(wrong)).toEqual([]);
  });

  it('a disabled step\'s finding says so, as the rule\'s other findings do', () => {
    const text = without(partitionText(), 'OSDPartitions0Type').replace('name="Partition" description=""', 'name="Partition" description="" disable="true"');
    expect(missing(text)).toEqual(['warning Partition Format and Partition Disk\'s partitions[0] needs its type (OSDPartitions0Type): the console writes it for every item. It is disabled, so it does not run now; enabled, it would.']);
  });

  it('an MDT step (not in the console\'s form) is not held to it', () => {
    // MDT Lite Touch writes no hidden flags and its own action line: the count without hidden="true" marks it.
    const mdt = without(partitionText(), 'OSDPartitions0Type').replace('<variable name="OSDPartitions" property="Partitions" hidden="true">', '<variable name="OSDPartitions" property="Partitions">');
    expect(missing(mdt)).toEqual([]);
  });

  it('validateStepSettings reports the typed item without it, in the same words, and takes it whole', () => {
    const partition = { type: 'Primary', quickFormat: true } as const;
    expect(validateStepSettings('Format and Partition Disk', { partitions: [partition] })).toEqual([]);
    expect(validateStepSettings('Format and Partition Disk', { partitions: [partition, { quickFormat: true, bootable: true }] })).toEqual(['partitions.1: needs its type (OSDPartitions1Type): the console writes it for every item']);
    expect(validateStepSettings('Format and Partition Disk', { partitions: [{}] })).toEqual([
      'partitions.0: needs its quickFormat (OSDPartitions0QuickFormat): the console writes it for every item',
      'partitions.0: needs its type (OSDPartitions0Type): the console writes it for every item',
    ]);
    // A field with a default may be left out.
    expect(validateStepSettings('Format and Partition Disk', { partitions: [{ type: 'Primary', quickFormat: false }] })).toEqual([]);
  });

  it('the settings a view reads from a file\'s step without it are refused by validateStepSettings', () => {
    const doc = readTaskSequence(without(partitionText(), 'OSDPartitions0QuickFormat'));
    const view = stepView(doc.steps()[0]?.node as Step);
    expect(validateStepSettings('SMS_TaskSequence_PartitionDiskAction', view.settings)).toEqual(['partitions.0: needs its quickFormat (OSDPartitions0QuickFormat): the console writes it for every item']);
  });

  it('the published text form schema (cmts build) refuses it too', () => {
    const validate = validatorFor('sequence-text.schema.json');
    const text = (partition: Record<string, unknown>) => ({ steps: [{ step: 'Format and Partition Disk', name: 'P', settings: { diskIndex: 0, partitionStyle: 'GPT', partitions: [partition] } }] });
    expect(validate(text({ type: 'Primary', quickFormat: true }))).toBe(true);
    expect(validate(text({ quickFormat: true }))).toBe(false);
  });

  it('cmts build (fromYaml) refuses it in the builders\' words, at any depth of groups, not ajv\'s "must have required property"', () => {
    const step = (indent: string) =>
      [`${indent}- step: Format and Partition Disk`, `${indent}  name: P`, `${indent}  settings:`, `${indent}    diskIndex: 0`, `${indent}    partitionStyle: GPT`, `${indent}    partitions:`, `${indent}      - quickFormat: true`].join('\n');
    const flat = thrown(() => fromYaml(`steps:\n${step('  ')}\n`));
    expect(flat.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(flat.message).toContain('steps.0.settings.partitions.0: needs its type (OSDPartitions0Type): the console writes it for every item');
    const nested = thrown(() => fromYaml(`steps:\n  - group: G\n    steps:\n${step('      ')}\n`));
    expect(nested.message).toContain('steps.0.steps.0.settings.partitions.0: needs its type (OSDPartitions0Type)');
    expect(nested.message).not.toContain('must have required property');
  });

  it('every array setting of the catalog is held to its items\' such fields, and only those', () => {
    // Which arrays have such fields today: Format and Partition Disk's partitions only (Install Application's and
    // Download Package Content's item fields are all optional; Apply Network Settings' adapters have no known fields).
    const held = stepCatalog.flatMap((e) => e.variables.filter((v) => v.arrayOf !== undefined && v.required && v.default === undefined).map((v) => `${e.consoleName} ${v.property}`));
    expect(held).toEqual(['Format and Partition Disk Partitions{n}QuickFormat', 'Format and Partition Disk Partitions{n}Type']);
    for (const e of stepCatalog) {
      for (const array of e.variables.filter((v) => v.valueType === 'array' && v.arrayOf === undefined)) {
        const fields = e.variables.filter((f) => f.arrayOf === array.property);
        if (fields.length === 0) continue;
        const problems = validateStepSettings(e.type, { [array.setting]: [{}] });
        const needed = fields.filter((f) => f.required && f.default === undefined);
        expect(problems, `${e.consoleName} ${array.setting}`).toEqual(needed.map((f) => `${array.setting}.0: needs its ${f.setting} (${f.name.replace('{n}', '0')}): the console writes it for every item`));
      }
    }
  });
});
