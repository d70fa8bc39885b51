import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeValue, matchAction, renderAction, stepCatalog, stepView, templateProperties, type StepTypeData, type VariableData } from '../lib/catalog/index.js';
import { findSteps, getAction, readTaskSequence, RestartComputerStep, variables, writeTaskSequence, writeTaskSequenceText, type Step } from './helpers/api.js';
import { MDT } from './helpers/mdt-sample.js';
import { CORPUS_SKIPPED, fixtureFiles, wellFormedCorpusFiles } from './helpers/corpus.js';


// A Format and Partition Disk as MDT writes it: booleans spelt `True`, which have no lossless typed form.
const MDT_PARTITIONS = `<?xml version="1.0"?>
<sequence version="3.00" name="Custom Task Sequence">
  <step type="SMS_TaskSequence_PartitionDiskAction" name="Format and Partition Disk" description="" disable="false" continueOnError="false" runIn="WinPE" successCodeList="0 3010">
    <defaultVarList>
      <variable name="OSDDiskIndex" property="DiskIndex">0</variable>
      <variable name="OSDPartitions0Type" property="Partitions0Type">Primary</variable>
      <variable name="OSDPartitions0FileSystem" property="Partitions0FileSystem">NTFS</variable>
      <variable name="OSDPartitions0Bootable" property="Partitions0Bootable">True</variable>
      <variable name="OSDPartitions0QuickFormat" property="Partitions0QuickFormat">True</variable>
      <variable name="OSDPartitions0VolumeName" property="Partitions0VolumeName">Windows</variable>
      <variable name="OSDPartitions0Size" property="Partitions0Size">499</variable>
      <variable name="OSDPartitions0SizeUnits" property="Partitions0SizeUnits">MB</variable>
      <variable name="OSDPartitions1Type" property="Partitions1Type">Primary</variable>
      <variable name="OSDPartitions1Bootable" property="Partitions1Bootable">False</variable>
      <variable name="OSDPartitions1Size" property="Partitions1Size">100</variable>
      <variable name="OSDPartitions1SizeUnits" property="Partitions1SizeUnits">PERCENT</variable>
      <variable name="OSDPartitions" property="Partitions">2</variable>
      <variable name="OSDPartitionStyle" property="PartitionStyle">MBR</variable>
    </defaultVarList>
    <action>cscript.exe "%SCRIPTROOT%\\ZTIDiskpart.wsf"</action>
  </step>
</sequence>
`;

const firstStep = (xml: string) => {
  const doc = readTaskSequence(xml);
  return { doc, step: findSteps(doc.sequence)[0]?.node as Step };
};

describe('setting one setting keeps values only the action line holds', () => {
  it('an MDT restart keeps its target when the message is set', () => {
    const { doc, step } = firstStep(MDT);
    const r = new RestartComputerStep(step);
    r.message = 'Restarting';
    expect(r.target).toBe('WinPE');
    expect(getAction(step)).toBe('smsboot.exe /target:WinPE');
    expect(writeTaskSequenceText(doc)).toBe(MDT.replace('<variable name="Message" property="Message" />', '<variable name="Message" property="Message">Restarting</variable>'));
  });

  it('an MDT restart keeps its target when the time-out is set through the view', () => {
    const { step } = firstStep(MDT);
    const view = stepView<'SMS_TaskSequence_RebootAction'>(step);
    view.set('messageTimeout', 0);
    expect(view.get('target')).toBe('WinPE');
    expect(getAction(step)).toBe('smsboot.exe /target:WinPE');
  });

  it('setting the target itself writes the new value, to the variable and the action line', () => {
    const { step } = firstStep(MDT);
    const r = new RestartComputerStep(step);
    r.target = 'HD';
    expect(r.target).toBe('HD');
    expect(getAction(step)).toBe('smsboot.exe /target:HD');
    expect(stepView(step).settings).toMatchObject({ target: 'HD' });
  });

  it('setting the target to its current value changes nothing', () => {
    const { doc, step } = firstStep(MDT);
    new RestartComputerStep(step).target = 'WinPE';
    expect(writeTaskSequenceText(doc)).toBe(MDT);
  });

  it('setting a setting the action line does not show leaves the line as written, even a stale one', () => {
    const xml = MDT.replace('property="Target" />', 'property="Target">HD</variable>');
    const { doc, step } = firstStep(xml);
    stepView<'SMS_TaskSequence_RebootAction'>(step).set('message', 'Restarting');
    // The engine runs the line: a message must not change where the computer restarts to.
    expect(getAction(step)).toBe('smsboot.exe /target:WinPE');
    expect(writeTaskSequenceText(doc)).toBe(xml.replace('<variable name="Message" property="Message" />', '<variable name="Message" property="Message">Restarting</variable>'));
    new RestartComputerStep(step).target = 'HD';
    expect(getAction(step)).toBe('smsboot.exe /target:HD');
  });

  // Every step type whose action template has properties, in each form (console, dialects): the action line carries
  // a value for every property while the variables are there but empty; setting any other setting keeps those values.
  const cases = stepCatalog.flatMap((entry) =>
    [{ form: 'console', action: entry.action }, ...(entry.dialects ?? []).map((d) => ({ form: d.name, action: d.action }))]
      // Properties whose value the line shows (a `[P| …]` segment alone shows only that P is set).
      .map(({ form, action }) => ({ entry, form, template: action, props: templateProperties(action).filter((p) => action.includes(`{${p}}`) || action.includes(`{${p}:bool}`)).filter((p) => topVariable(entry, p)) }))
      .filter((c) => c.props.length > 0),
  );

  it('covers the catalog', () => {
    expect(cases.map((c) => c.entry.type)).toEqual(expect.arrayContaining(['SMS_TaskSequence_RebootAction', 'SMS_TaskSequence_SetVariableAction', 'SMS_TaskSequence_ApplyOperatingSystemAction', 'BDD_Gather']));
  });

  for (const { entry, form, template, props } of cases) {
    it(`${entry.consoleName} (${form}) keeps ${props.join(', ')} from the action line`, () => {
      const samples = Object.fromEntries(props.map((p, i) => [p, sampleText(topVariable(entry, p) as VariableData, i)]));
      const action = renderAction(template, samples);
      expect(matchAction(template, action)).toMatchObject(samples);
      const others = entry.variables.filter((v) => !v.arrayOf && v.valueType !== 'array' && !props.includes(v.property));
      for (const other of [...others, ...props.map((p) => topVariable(entry, p) as VariableData)]) {
        const step = emptyStep(entry, props, action);
        const view = stepView(step);
        const value = sampleValue(other);
        // What the line comes to read with this setting, and the catalog has no default for, is set first (a
        // boot-critical driver's four variables): set alone, the new switch would read variables the step has not.
        for (const along of entry.variables) if (along.requiredWhen === `if ${other.property} is set` && along.default === undefined && !props.includes(along.property)) view.set(along.setting, sampleValue(along));
        view.set(other.setting, value);
        for (const p of props) {
          const data = topVariable(entry, p) as VariableData;
          const expected = p === other.property ? value : decodeValue(data.valueType, samples[p] as string);
          expect(view.get(data.setting), `${data.setting} after setting ${other.setting}`).toEqual(expected);
        }
      }
    });
  }
});

describe('setting an array keeps the item variables it could not type', () => {
  const VERBATIM = { Partitions0Bootable: 'True', Partitions0QuickFormat: 'True', Partitions1Bootable: 'False' };

  it('setting partitions to their own value changes nothing (MDT booleans spelt True)', () => {
    const { doc, step } = firstStep(MDT_PARTITIONS);
    const view = stepView<'SMS_TaskSequence_PartitionDiskAction'>(step);
    expect(view.verbatim).toEqual(VERBATIM);
    view.set('partitions', view.get('partitions') ?? []);
    expect(view.verbatim).toEqual(VERBATIM);
    expect(writeTaskSequenceText(doc)).toBe(MDT_PARTITIONS);
  });

  it('an edited item keeps its verbatim variables; a field given a value replaces its verbatim text', () => {
    const { doc, step } = firstStep(MDT_PARTITIONS);
    const view = stepView<'SMS_TaskSequence_PartitionDiskAction'>(step);
    const [first, second] = view.get('partitions') ?? [];
    view.set('partitions', [{ ...first, size: 500 }, { ...second }]);
    expect(view.verbatim).toEqual(VERBATIM);
    expect(writeTaskSequenceText(doc)).toBe(MDT_PARTITIONS.replace('property="Partitions0Size">499<', 'property="Partitions0Size">500<'));
    view.set('partitions', [{ ...first, bootable: true }, { ...second }]);
    expect(view.verbatim).toEqual({ Partitions0QuickFormat: 'True', Partitions1Bootable: 'False' });
    expect(view.get('partitions')?.[0]).toMatchObject({ bootable: true, size: 499 });
  });

  it('a typed field an item leaves out is removed; a verbatim one is not', () => {
    const { step } = firstStep(MDT_PARTITIONS);
    const view = stepView<'SMS_TaskSequence_PartitionDiskAction'>(step);
    const [first, second] = view.get('partitions') ?? [];
    const { volumeName: _dropped, ...rest } = first ?? {};
    view.set('partitions', [rest, { ...second }]);
    expect(view.get('partitions')?.[0]).toEqual(rest);
    expect(view.verbatim).toEqual(VERBATIM);
  });

  it('a removed item takes its verbatim variables with it; an added one has what it is given, and the default of bootable', () => {
    const { doc, step } = firstStep(MDT_PARTITIONS);
    const view = stepView<'SMS_TaskSequence_PartitionDiskAction'>(step);
    const [first] = view.get('partitions') ?? [];
    view.set('partitions', [{ ...first }]);
    expect(view.verbatim).toEqual({ Partitions0Bootable: 'True', Partitions0QuickFormat: 'True' });
    expect(writeTaskSequenceText(doc)).not.toMatch(/Partitions1/);
    view.set('partitions', [{ ...first }, { type: 'Primary', quickFormat: true, size: 100, sizeUnits: 'PERCENT' }]);
    // Bootable, which the console writes for every item, with its default.
    expect(view.get('partitions')?.[1]).toEqual({ type: 'Primary', quickFormat: true, bootable: false, size: 100, sizeUnits: 'PERCENT' });
    expect(view.verbatim).toEqual({ Partitions0Bootable: 'True', Partitions0QuickFormat: 'True' });
    view.set('partitions', []);
    expect(view.verbatim).toEqual({});
    expect(writeTaskSequenceText(doc)).not.toMatch(/Partitions0/);
  });

  it('a wrong item value is refused before anything is written', () => {
    const { doc, step } = firstStep(MDT_PARTITIONS);
    const view = stepView<'SMS_TaskSequence_PartitionDiskAction'>(step);
    expect(() => view.set('partitions', [{ type: 'Primary', quickFormat: true, size: 1 }, { size: '2' as never }])).toThrow(/partitions\[1\]\.size/);
    expect(writeTaskSequenceText(doc)).toBe(MDT_PARTITIONS);
  });
});

// set(x, get(x)) for every setting of every step of every example, fixture and corpus file. The one change allowed:
// a stale action line (one that disagrees with its variables, as the lint fixtures' do) is brought back in step when
// a setting it shows is set, without touching a variable or attribute.
describe('setting a setting to the value it reads changes no byte', { timeout: 120_000 }, () => {
  const examples = readdirSync(resolve('examples'))
    .filter((f) => f.endsWith('.xml'))
    .map((name) => ({ name: `examples/${name}`, bytes: readFileSync(join(resolve('examples'), name)) }));
  const fixtures = fixtureFiles()
    .filter(({ name }) => !name.includes('invalid/'))
    .map(({ name, bytes }) => ({ name: `fixture ${name}`, bytes }));
  const corpus = wellFormedCorpusFiles().map(({ name, bytes }) => ({ name: `corpus ${name}`, bytes }));

  it('finds the shared corpus (skipped without it)', (ctx) => {
    if (CORPUS_SKIPPED !== undefined) ctx.skip(CORPUS_SKIPPED);
    expect(corpus.length).toBeGreaterThan(0);
  });

  for (const { name, bytes } of [...examples, ...fixtures, ...corpus]) {
    it(name, () => {
      let doc = readTaskSequence(bytes);
      const changed: string[] = [];
      let repaired = 0;
      const count = findSteps(doc.sequence).length;
      for (let i = 0; i < count; i++) {
        const { node, path } = findSteps(doc.sequence)[i] as ReturnType<typeof findSteps>[number];
        const view = stepView(node);
        for (const data of view.entry?.variables ?? []) {
          if (data.arrayOf) continue;
          const value = view.get(data.setting);
          if (value === undefined) continue;
          const stale = staleProperties(view);
          const before = JSON.stringify([node.attributes, variables(node)]);
          view.set(data.setting, value);
          if (Buffer.from(writeTaskSequence(doc)).equals(bytes)) continue;
          const repair = stale.length > 0 && JSON.stringify([node.attributes, variables(node)]) === before && staleProperties(view).length === 0;
          if (repair) repaired++;
          else changed.push(`${path} ${data.setting}`);
          // Start again from the file's bytes, so each change is judged on its own.
          doc = readTaskSequence(bytes);
          break;
        }
      }
      if (name.includes('catalog-violations.xml')) expect(repaired).toBeGreaterThan(0);
      expect(changed).toEqual([]);
    });
  }
});

/** The properties whose action line text disagrees with their variable's (a stale line, which lint reports). */
function staleProperties(view: ReturnType<typeof stepView>): string[] {
  const line = view.actionTexts();
  const texts = view.propertyTexts();
  const spelling = (p: string, text: string) => (view.entry?.variables.find((v) => v.property === p)?.valueType === 'boolean' ? text.toLowerCase() : text);
  return Object.keys(line).filter((p) => {
    const text = texts[p];
    return !p.startsWith('@') && text !== undefined && text.trim() !== '' && spelling(p, text) !== spelling(p, line[p] as string);
  });
}

/** The top-level catalog variable of a property. */
function topVariable(entry: StepTypeData, property: string): VariableData | undefined {
  return entry.variables.find((v) => !v.arrayOf && v.property === property);
}

/** A step of `entry`'s type with an empty variable for each of `props` and the given action line. */
function emptyStep(entry: StepTypeData, props: readonly string[], action: string): Step {
  const vars = props.map((p) => {
    const data = topVariable(entry, p) as VariableData;
    return `<variable name="${data.name}" property="${data.property}"></variable>`;
  });
  const escaped = action.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const { step } = firstStep(`<sequence version="3.10"><${entry.element} type="${entry.type}" name="s"><defaultVarList>${vars.join('')}</defaultVarList><action>${escaped}</action></${entry.element}></sequence>`);
  return step;
}

/** A text of a variable's type that the template can carry and that reads back unchanged. */
function sampleText(data: VariableData, i: number): string {
  if (data.valueType === 'boolean') return 'true';
  if (data.valueType === 'integer') return String(7 + i);
  if (data.allowed?.[0] !== undefined) return data.allowed[0];
  return `V${i}x`;
}

/**
 * A typed value of a variable's type other than the samples (one word: a template cannot tell where a space belongs),
 * one the catalog takes (a drive letter where it wants one).
 */
function sampleValue(data: VariableData): never {
  const value: unknown =
    data.valueType === 'boolean'
      ? false
      : data.valueType === 'integer'
        ? (data.min ?? 3)
        : data.valueType === 'list' || data.valueType === 'packageIdList'
          ? ['ABC00001']
          : data.valueType === 'codes'
            ? [0, 5]
            : data.valueType === 'dynamicRules'
              ? []
              : data.allowed?.[data.allowed.length - 1] !== undefined
                ? data.allowed[data.allowed.length - 1]
                : data.valueType === 'driveLetter'
                  ? 'E:'
                  : 'NEW00001';
  return value as never;
}
