// A typed view's `settings` read what `get` reads, and writing each setting back as read changes no byte: also for
// values only the `<action>` line holds beside an empty or missing variable (MDT keeps a restart's target there).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAction, templateProperties } from '../lib/catalog/action-line.js';
import type { VariableData } from '../lib/catalog/types.js';
import { addItem, buildStep, findSteps, readTaskSequence, stepCatalog, stepView, writeTaskSequenceText, type Step, type SubTaskSequence } from './helpers/api.js';

const MDT_REBOOT = `<?xml version="1.0"?>
<sequence version="3.00" name="Standard Client Task Sequence" description="A complete task sequence for deploying a client operating system">
  <step type="SMS_TaskSequence_RebootAction" name="Reboot to OS" description="" disable="false" continueOnError="false" successCodeList="0 3010">
    <action>smsboot.exe /target:WinPE</action>
    <defaultVarList>
      <variable name="SMSRebootMessage" property="Message"></variable>
      <variable name="SMSRebootTimeout" property="MessageTimeout">60</variable>
      <variable name="SMSRebootTarget" property="Target"></variable>
    </defaultVarList>
  </step>
</sequence>
`;

/** Sets every setting of `view` to what `settings` reads. */
function writeBack(step: Step | SubTaskSequence): void {
  const view = stepView(step);
  for (const [k, v] of Object.entries(view.settings)) view.set(k as never, v);
}

describe('settings and get agree, and writing back what they read changes nothing', () => {
  it('an MDT restart whose target only the action line holds reads WinPE both ways and keeps /target:WinPE', () => {
    const doc = readTaskSequence(MDT_REBOOT);
    const step = findSteps(doc.sequence)[0]!.node;
    const view = stepView<'SMS_TaskSequence_RebootAction'>(step);
    expect(view.get('target')).toBe('WinPE');
    expect(view.settings.target).toBe('WinPE');
    writeBack(step);
    expect(writeTaskSequenceText(doc)).toBe(MDT_REBOOT);
    view.set('target', 'WinPE');
    expect(writeTaskSequenceText(doc)).toBe(MDT_REBOOT);
  });

  it('the same restart without a Target variable reads WinPE and is left as written', () => {
    const xml = MDT_REBOOT.replace(/\s*<variable name="SMSRebootTarget" property="Target"><\/variable>/, '');
    const doc = readTaskSequence(xml);
    const step = findSteps(doc.sequence)[0]!.node;
    expect(stepView<'SMS_TaskSequence_RebootAction'>(step).settings.target).toBe('WinPE');
    writeBack(step);
    expect(writeTaskSequenceText(doc)).toBe(xml);
  });

  it('an action-line value the setting cannot hold (an enum value no console offers) is neither read nor lost', () => {
    const xml = MDT_REBOOT.replace('/target:WinPE', '/target:Floppy');
    const doc = readTaskSequence(xml);
    const step = findSteps(doc.sequence)[0]!.node;
    const view = stepView<'SMS_TaskSequence_RebootAction'>(step);
    expect(view.get('target')).toBeUndefined();
    expect(view.settings.target).toBeUndefined();
    expect(view.verbatim).toEqual({ Target: '' });
    writeBack(step);
    expect(writeTaskSequenceText(doc)).toBe(xml);
  });
});

// ---- the same over the whole catalog ----

const SAFE = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.:=\\-]{0,11}$/);

/** A typed value of a catalog variable that the builder takes (the builder may still refuse it in a line). */
function valueOf(data: VariableData, fields: readonly VariableData[]): fc.Arbitrary<unknown> {
  switch (data.valueType) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: data.min ?? 0, max: Math.min(data.max ?? 100_000, 100_000) });
    case 'enum':
      return fc.constantFrom(...(data.allowed ?? ['']));
    case 'packageId':
      return fc.stringMatching(/^[A-Z0-9]{3}[0-9A-F]{5}$/);
    case 'packageIdList':
      return fc.array(fc.stringMatching(/^[A-Z0-9]{3}[0-9A-F]{5}$/), { minLength: 1, maxLength: 3 });
    case 'list':
      return fc.array(fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/), { minLength: 1, maxLength: 3 });
    case 'codes':
      return fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 3 });
    case 'driveLetter':
      return fc.constantFrom('C:', 'D:', '%OSDisk%');
    case 'guid':
      return fc.uuid().map((u) => `{${u.toUpperCase()}}`);
    case 'base64Script':
      return SAFE;
    case 'dynamicRules':
      return fc.constant([]);
    case 'array':
      return fc.array(fc.record(Object.fromEntries(fields.map((f) => [f.setting, valueOf(f, [])])), { requiredKeys: [] }), { maxLength: 2 });
    default:
      return data.maxLength !== undefined && data.maxLength < 12 ? fc.stringMatching(/^[A-Za-z0-9]{1,4}$/) : SAFE;
  }
}

/** What becomes of a variable the action line shows: kept, emptied, blanked or taken out (the line keeps its value). */
const FATES = ['kept', 'empty', 'blank', 'missing'] as const;

function settingsOf(entry: (typeof stepCatalog)[number]): fc.Arbitrary<Record<string, unknown>> {
  const top = entry.variables.filter((v) => !v.arrayOf);
  const model = Object.fromEntries(top.map((v) => [v.setting, valueOf(v, entry.variables.filter((f) => f.arrayOf === v.property))]));
  return fc.record(model, { requiredKeys: [] });
}

describe('every catalog step type: settings read as get reads, and set back leave the bytes as they were', () => {
  for (const entry of stepCatalog) {
    const templates = [entry.action, ...(entry.dialects ?? []).map((d) => d.action)];
    const shown = templateProperties(entry.action).filter((p) => !p.startsWith('@'));
    it(entry.consoleName, () => {
      fc.assert(
        fc.property(
          settingsOf(entry),
          fc.array(fc.constantFrom(...FATES), { minLength: shown.length, maxLength: shown.length }),
          fc.nat(templates.length - 1),
          (settings, fates, dialect) => {
            let step: Step | SubTaskSequence;
            try {
              step = buildStep(entry.type, { name: 'Step', settings: settings as never });
            } catch {
              return; // values the builder refuses (a required one missing, a value the line would misread)
            }
            const props: Record<string, string> = {};
            for (const v of stepView(step).step.children.flatMap((c) => (c.kind === 'variableList' ? c.children : []))) if (v.kind === 'variable') props[v.attributes.property ?? ''] = v.value;
            const action = step.children.find((c) => c.kind === 'action');
            // A dialect's line (MDT), rendered from the same values.
            if (dialect > 0 && action && action.kind === 'action') action.value = renderAction(templates[dialect] as string, props);
            const list = step.children.find((c) => c.kind === 'variableList');
            if (list && list.kind === 'variableList') {
              shown.forEach((property, i) => {
                const fate = fates[i];
                const at = list.children.findIndex((c) => c.kind === 'variable' && c.attributes.property === property);
                const v = list.children[at];
                if (at < 0 || !v || v.kind !== 'variable' || fate === 'kept') return;
                if (fate === 'missing') list.children.splice(at, 1);
                else v.value = fate === 'empty' ? '' : ' ';
              });
            }
            const doc = readTaskSequence('<sequence version="3.10">\n</sequence>\n');
            addItem(doc.sequence, step, { last: doc.sequence });
            const xml = writeTaskSequenceText(doc);
            const read = readTaskSequence(xml);
            const node = findSteps(read.sequence)[0]!.node;
            const view = stepView(node);
            for (const data of entry.variables.filter((v) => !v.arrayOf)) expect(view.get(data.setting as never)).toEqual((view.settings as Record<string, unknown>)[data.setting]);
            writeBack(node);
            expect(writeTaskSequenceText(read)).toBe(xml);
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
