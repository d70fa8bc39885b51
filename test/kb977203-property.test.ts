// Properties of the KB977203 preset over generated ConfigMgr 2007 sequences (laid out in every way the consoles and
// editors write them, with conditions, disabled steps, groups and administrators' CCMCertFix steps): applying twice is applying once, byte for byte,
// and revert(apply(x)) is x, byte for byte, when x had no PATCH property. (2007 exports always hold other empty
// elements such as <Category />, from which the writer learns the empty form an emptied DependentProgram gets.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editScopesDuring } from '../lib/transforms/context.js';
import { writeEditedText } from '../lib/write.js';
import { applyKb977203, findSteps, patchList, readTaskSequence, revertKb977203, SetupWindowsStep, STEP_TYPES, TaskSequenceError, writeTaskSequence, writeTaskSequenceText, type Kb977203Options } from './helpers/api.js';

interface Layout {
  nl: string;
  unit: string;
}

const props = fc.constantFrom('', 'SMSSLP=SLP01 FSP=FSP01', 'SMSMP=&quot;mp 01&quot; FSP=fsp01', 'SMSCACHESIZE=10240 ', 'CCMLOGLEVEL=0');
// PATCH lists as sites have them: other hotfixes, stale or wrong KB977203 entries, quoted or not.
const entry = fc.constantFrom(
  'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB968537\\SCCM2007AC-SP2-KB968537-x86.msp',
  'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP1-KB977203-x86.msp',
  'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp',
  '%_SMSTSMDataPath%\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp',
  'C:\\_SMSTaskSequence\\OSD\\ABC00099\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp',
  '\\\\srv\\SMS_ABC\\Client\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp',
);
const patchProps = fc.tuple(props, fc.array(entry, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([p, list, quoted]) => `${p}${p === '' ? '' : ' '}PATCH=${quoted ? '&quot;' : ''}${list.join(';')}${quoted ? '&quot;' : ''}`);
const conditionKind = fc.constantFrom('none', 'none', 'admin', 'winpe', 'wmi');
const setupSpec = fc.record({ props, condition: conditionKind, disabled: fc.boolean(), pkg: fc.constantFrom('ABC00002', 'ABC00003', 'abc0000f'), inGroup: fc.boolean() });
const otherStep = fc.constantFrom('capture', 'restore', 'run', 'mdt');
// An administrator's CCMCertFix step (adopted when it runs the options' program after Setup), with any condition,
// under a name of its own or the name the preset gives its step, and maybe with a restart after it (under the name
// the preset gives its restart or another): by name alone, revert took such steps for the preset's and deleted them.
const certfixSpec = fc.record({ condition: conditionKind, disabled: fc.boolean(), program: fc.constantFrom('CCMCertFix', 'Run CCMCertFix'), presetName: fc.boolean(), restart: fc.constantFrom('none', 'preset-name', 'own-name') });

function lines(l: Layout, depth: number, parts: string[]): string {
  const ind = l.unit.repeat(depth);
  return parts.map((p) => (l.nl === '' ? p.trim() : `${l.nl}${ind}${p}`)).join('');
}

function condition(kind: string, l: Layout, depth: number): string {
  if (kind === 'none') return '';
  const expr =
    kind === 'wmi'
      ? ['<expression type="SMS_TaskSequence_WMIConditionExpression">', `${l.unit}<variable name="Namespace">root\\cimv2</variable>`, `${l.unit}<variable name="Query">SELECT * FROM Win32_Battery</variable>`, '</expression>']
      : ['<expression type="SMS_TaskSequence_VariableConditionExpression">', `${l.unit}<variable name="Operator">equals</variable>`, `${l.unit}<variable name="Value">true</variable>`, `${l.unit}<variable name="Variable">${kind === 'winpe' ? '_SMSTSInWinPE' : 'DeployWin7'}</variable>`, '</expression>'];
  return lines(l, depth, ['<condition>']) + lines(l, depth + 1, expr) + lines(l, depth, ['</condition>']);
}

function setup(s: { props: string; condition: string; disabled: boolean; pkg: string }, name: string, l: Layout, depth: number): string {
  return (
    lines(l, depth, [`<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="${name}" description=""${s.disabled ? ' disable="true"' : ''} runIn="WinPEandFullOS" successCodeList="0">`]) +
    condition(s.condition, l, depth + 1) +
    lines(l, depth + 1, ['<action>OSDSetupWindows.exe</action>', '<defaultVarList>']) +
    lines(l, depth + 2, [`<variable name="SMSClientInstallProperties" property="ClientInstallProperties">${s.props}</variable>`, `<variable name="_SMSClientPackageID" property="ClientPackageID">${s.pkg}</variable>`]) +
    lines(l, depth + 1, ['</defaultVarList>']) +
    lines(l, depth, ['</step>'])
  );
}

function other(kind: string, l: Layout, depth: number): string {
  const type = { capture: 'SMS_TaskSequence_CaptureUserStateAction', restore: 'SMS_TaskSequence_RestoreUserStateAction', run: 'SMS_TaskSequence_RunCommandLineAction', mdt: 'BDD_Gather' }[kind] as string;
  return lines(l, depth, [`<step type="${type}" name="${kind}" description="" runIn="FullOS" successCodeList="0">`]) + lines(l, depth + 1, ['<action>x.exe</action>']) + lines(l, depth, ['</step>']);
}

function restart(name: string, disabled: boolean, l: Layout, depth: number): string {
  return (
    lines(l, depth, [`<step type="SMS_TaskSequence_RebootAction" name="${name}" description=""${disabled ? ' disable="true"' : ''} runIn="WinPEandFullOS" successCodeList="0">`]) +
    lines(l, depth + 1, ['<action>smsboot.exe /target:HD</action>', '<defaultVarList>']) +
    lines(l, depth + 2, ['<variable name="SMSRebootTimeout" property="MessageTimeout">0</variable>', '<variable name="SMSRebootTarget" property="Target">HD</variable>']) +
    lines(l, depth + 1, ['</defaultVarList>']) +
    lines(l, depth, ['</step>'])
  );
}

function certfix(c: { condition: string; disabled: boolean; program: string; presetName: boolean; restart: string }, name: string, l: Layout, depth: number): string {
  const after = c.restart === 'none' ? '' : restart(c.restart === 'preset-name' ? 'Restart Computer (KB977203)' : `Restart after ${name}`, c.disabled, l, depth);
  name = c.presetName ? 'Run CCMCertFix (KB977203)' : name;
  return (
    lines(l, depth, [`<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" description=""${c.disabled ? ' disable="true"' : ''} runIn="FullOS" successCodeList="0">`]) +
    condition(c.condition, l, depth + 1) +
    lines(l, depth + 1, ['<action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action>', '<defaultVarList>']) +
    lines(l, depth + 2, ['<variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable>', `<variable name="_SMSSWDProgramName" property="ProgramName">${c.program}</variable>`]) +
    lines(l, depth + 1, ['</defaultVarList>']) +
    lines(l, depth, ['</step>']) +
    after
  );
}

const sequence = fc
  .record({
    layout: fc.record({ nl: fc.constantFrom('\n', '\r\n', ''), unit: fc.constantFrom('  ', '\t', '    ') }),
    items: fc.array(fc.oneof(setupSpec.map((s) => ({ setup: s })), otherStep.map((o) => ({ other: o })), certfixSpec.map((c) => ({ certfix: c }))), { minLength: 1, maxLength: 5 }),
    container: fc.constantFrom('sequence', 'sms-package'),
  })
  .filter((r) => r.items.some((i) => 'setup' in i))
  .map(({ layout: l, items, container }) => {
    const depth = container === 'sequence' ? 1 : 3;
    const body = items
      .map((item, i) => {
        if ('other' in item) return other(item.other, l, depth);
        if ('certfix' in item) return certfix(item.certfix, `Fix certificate ${i}`, l, depth);
        const step = setup(item.setup, `Setup Windows and ConfigMgr ${i}`, l, item.setup.inGroup ? depth + 1 : depth);
        return item.setup.inGroup ? lines(l, depth, [`<group name="Group ${i}" description="">`]) + step + lines(l, depth, ['</group>']) : step;
      })
      .join('');
    const seq = `<sequence version="3.00">${body}${lines(l, depth - 1, ['</sequence>'])}`;
    if (container === 'sequence') return seq + l.nl;
    return `<?xml version="1.0"?>${l.nl}<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${lines(l, 1, ['<Category />', '<DependentProgram />', '<Name>Generated</Name>', '<SequenceData>'])}${lines(l, 2, [seq])}${lines(l, 1, ['</SequenceData>'])}${lines(l, 0, ['</SmsTaskSequencePackage>'])}${l.nl}`;
  });

const options = fc.record(
  {
    certfixPackage: fc.constant('ABC00010'),
    scenario: fc.constantFrom('refresh' as const, 'new-computer' as const, 'replace-restore' as const),
    clientVersion: fc.constantFrom('sp1' as const, 'sp2' as const),
    drive: fc.constantFrom('C:', 'D:'),
    certfixProgram: fc.constantFrom('CCMCertFix', 'Run CCMCertFix'),
  },
  { requiredKeys: ['certfixPackage'] },
);

describe('property: the KB977203 preset on generated 2007 sequences', { timeout: 60_000 }, () => {
  it('apply twice = apply once (bytes), and revert(apply(x)) = x (bytes) when x had no PATCH', () => {
    fc.assert(
      fc.property(sequence, options, (input, o: Kb977203Options) => {
        const doc = readTaskSequence(input);
        const first = applyKb977203(doc, o);
        expect(first.changed).toBe(true);
        const once = Buffer.from(writeTaskSequence(doc));
        const again = readTaskSequence(once);
        expect(applyKb977203(again, o).changes).toEqual([]);
        expect(Buffer.from(writeTaskSequence(again)).equals(once)).toBe(true);
        const reverted = readTaskSequence(once);
        revertKb977203(reverted, o);
        // Beside CCMCertFix steps that are all the administrator's, nothing records that the preset set
        // DependentProgram: apply says so, and revert leaves it as an administrator's.
        const left = first.diagnostics.some((d) => d.code === 'KB977203_DEPENDENT_NOT_REVERSIBLE');
        expect(Buffer.from(writeTaskSequence(reverted)).toString()).toBe(left ? input.replace('<DependentProgram />', `<DependentProgram>ABC00010;;${o.certfixProgram ?? 'CCMCertFix'}</DependentProgram>`) : input);
      }),
      // KB_RUNS raises the count for a longer local run.
      { numRuns: Number(process.env.KB_RUNS ?? 300) },
    );
  });

  it('with PATCH lists as sites have them (stale, wrong, UNC entries, quoted or not), apply twice = apply once', () => {
    const withPatch = fc.tuple(fc.constantFrom('  ', '\t'), fc.array(patchProps, { minLength: 1, maxLength: 3 })).map(
      ([unit, all]) => `<sequence version="3.00">${all.map((p, i) => setup({ props: p, condition: 'none', disabled: false, pkg: 'ABC00002' }, `Setup ${i}`, { nl: '\n', unit }, 1)).join('')}\n</sequence>\n`,
    );
    fc.assert(
      fc.property(withPatch, (input) => {
        const o: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
        const doc = readTaskSequence(input);
        applyKb977203(doc, o);
        const once = Buffer.from(writeTaskSequence(doc));
        const again = readTaskSequence(once);
        expect(applyKb977203(again, o).changes).toEqual([]);
        expect(Buffer.from(writeTaskSequence(again)).equals(once)).toBe(true);
        // One KB977203 entry per list afterwards.
        for (const { node } of findSteps(again.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr })) {
          const list = patchList(new SetupWindowsStep(node).clientInstallProperties) ?? [];
          expect(list.filter((e) => /KB977203/.test(e))).toHaveLength(1);
        }
      }),
      { numRuns: Number(process.env.KB_RUNS ?? 300) },
    );
  });

  it('with hostile option values, a run either refuses and leaves the document as it was, or writes a document that reads back', () => {
    const hostile = fc.constantFrom('x"y', 'a;b', 'a\nb', 'a\u0000b', 'a\ufffeb', 'a\ud800b', '%_SMSTSMDataPath%', '', ' ', 'ok');
    const badOptions = fc.record(
      {
        certfixPackage: fc.constantFrom('ABC00010', 'abc00010', 'ABC0001G', 'ABC00010;'),
        certfixProgram: hostile,
        msp: hostile.map((h) => `${h}.msp`),
        source: hostile.map((h) => `\\\\srv\\${h}`),
        drive: fc.constantFrom('C:', 'D', '%X%', 'C:"'),
        clientPackage: fc.constantFrom('ABC00002', 'ABC"0002', 'ABC00010'),
        certfixStepName: hostile,
        force: fc.boolean(),
      },
      { requiredKeys: ['certfixPackage'] },
    );
    fc.assert(
      fc.property(sequence, badOptions, (input, o) => {
        const doc = readTaskSequence(input);
        try {
          applyKb977203(doc, o);
        } catch (e) {
          expect(e).toBeInstanceOf(TaskSequenceError);
          expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(input);
          return;
        }
        expect(() => readTaskSequence(writeTaskSequence(doc))).not.toThrow();
      }),
      { numRuns: Number(process.env.KB_RUNS ?? 300) },
    );
  });

  it("the dry run's print, only where the preset's edits are, is the full print (apply, then revert of its output)", () => {
    fc.assert(
      fc.property(sequence, options, (input, o: Kb977203Options) => {
        let text = input;
        for (const edit of [applyKb977203, revertKb977203]) {
          const doc = readTaskSequence(text);
          const { scopes } = editScopesDuring(doc, () => edit(doc, o));
          text = writeTaskSequenceText(doc);
          // A bare sequence's edits all name their scope; an export's DependentProgram (a container's property) none.
          if (doc.container === 'sequence') expect(scopes).toBeDefined();
          if (scopes) expect(writeEditedText(doc, scopes)).toBe(text);
        }
      }),
      { numRuns: Number(process.env.KB_RUNS ?? 300) },
    );
  });
});
