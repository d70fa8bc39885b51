import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from '../helpers/api.js';
import { buildComparisonView } from '../../lib/render/comparison-view.js';
import { buildSequenceView } from '../../lib/render/build-sequence-view.js';
import { flattenItems, type ItemView } from '../../lib/render/view-model.js';
import { keySettings as inspectSettings } from '../../lib/catalog/key-settings.js';
import { findSteps } from '../../lib/model/find-items.js';
import { catalogSettings } from '../../lib/catalog/key-settings.js';
import { corpusFiles, FIXTURES_DIR } from '../helpers/corpus.js';

const example = (f: string) => readFileSync(resolve('examples', f));
const byName = (items: ItemView[], name: string) => flattenItems(items).find((i) => i.name === name) as ItemView;
const seq = (body: string) => readTaskSequence(`<sequence version="3.10">${body}</sequence>`);
const step = (type: string, name: string, inner = '', attrs = '') => `<step type="SMS_TaskSequence_${type}" name="${name}"${attrs}>${inner}</step>`;
const vars = (pairs: [string, string][]) => `<defaultVarList>${pairs.map(([p, v]) => `<variable name="${p}" property="${p}">${v}</variable>`).join('')}</defaultVarList>`;

describe('the view model of a sequence', () => {
  const view = buildSequenceView(readTaskSequence(example('refresh-2007.xml'), { file: 'refresh-2007.xml' }));

  it('has the package facts in its header: name, container, version, boot image', () => {
    expect(view.title).toBe('Windows 7 Refresh');
    expect(Object.fromEntries(view.header.map((h) => [h.label, h.value]))).toMatchObject({
      name: 'Windows 7 Refresh',
      container: 'ConfigMgr 2007 export (SmsTaskSequencePackage)',
      'sequence version': '3.00',
      'boot image': 'CM100004',
    });
    // An empty <DependentProgram /> is not a fact worth a row.
    expect(view.header.some((h) => h.label.includes('DependentProgram'))).toBe(false);
  });

  it('numbers groups and steps in outline order, with the console type names', () => {
    expect(flattenItems(view.items).map((i) => `${i.number} ${i.name} (${i.typeName})`)).toEqual([
      '1 Capture (group)',
      '1.1 Request State Store (Request State Store)',
      '1.2 Capture User State (Capture User State)',
      '1.3 Restart in Windows PE (Restart Computer)',
      '2 Install Operating System (group)',
      '2.1 Apply Operating System (Apply Operating System Image)',
      '2.2 Setup Windows and ConfigMgr (Setup Windows and ConfigMgr)',
      '3 Restore (group)',
      '3.1 Restore User State (Restore User State)',
      '3.2 Release State Store (Release State Store)',
    ]);
    expect(view.counts).toEqual({ steps: 7, groups: 3, disabled: 0 });
  });

  it('shows conditions in words and the key settings of typed steps', () => {
    expect(byName(view.items, 'Capture').condition).toBe('_SMSTSInWinPE = "false"');
    expect(byName(view.items, 'Restart in Windows PE').settings.map((s) => `${s.label}: ${s.value}`)).toEqual([
      'restart to: the boot image',
      'notify the user: yes (60 s)',
      'message: A new Microsoft Windows operating system is being installed. The computer must restart to continue.',
    ]);
    expect(byName(view.items, 'Setup Windows and ConfigMgr').settings).toEqual([
      { label: 'installation properties', value: 'SMSSLP=CM01.contoso.com FSP=CM01.contoso.com' },
      { label: 'client package', value: 'CM100002' },
    ]);
  });

  it('lists packages with the steps that use them, and variables with the steps that read them', () => {
    expect(view.packages.map((p) => `${p.name}: ${p.setBy.map((r) => r.number).join(',')}`)).toEqual(['CM100002: 2.2', 'CM100007: 2.1']);
    expect(view.variables.find((v) => v.name === '_SMSTSInWinPE')?.readBy.map((r) => r.name)).toEqual(['Capture']);
  });

  it('shows what each kind of step is and its key settings', () => {
    const cases: [string, string, string[]][] = [
      ['<subtasksequence type="SMS_TaskSequence_SubTasksequence" name="x">' + vars([['TsPackageID', 'ABC00099']]) + '</subtasksequence>', 'Run Task Sequence', ['task sequence: ABC00099']],
      [step('InstallSoftwareAction', 'x', vars([['BaseVariableName', 'PACKAGES']])), 'Install Software', ['install multiple, base variable: PACKAGES']],
      [step('RebootAction', 'x', '<action>smsboot.exe /target:HD</action>' + vars([['MessageTimeout', '0']])), 'Restart Computer', ['restart to: the currently installed default operating system', 'notify the user: no']],
      [step('RunCommandLineAction', 'x', vars([['CommandLine', 'cmd /c "a &amp; b"'], ['PackageID', 'ABC00005']])), 'Run Command Line', ['command line: cmd /c "a & b"', 'package: ABC00005']],
      [step('SetupWindowsAndSMSAction', 'x', vars([['ClientPackageID', 'ABC00002']])), 'Setup Windows and ConfigMgr', ['installation properties: (none)', 'client package: ABC00002']],
      [step('PartitionDiskAction', 'x'), 'Format and Partition Disk', []],
      ['<step name="x"><action>cscript.exe ZTIGather.wsf</action></step>', 'Run Command Line (MDT, no type)', ['command line: cscript.exe ZTIGather.wsf']],
      // Any other class the step catalog knows: its non-empty settings in catalog order, secrets left out.
      [step('ApplyOperatingSystemAction', 'x', vars([['ImagePackageID', 'ABC00002'], ['ImageIndex', '2'], ['ConfigFilePackage', '']])), 'Apply Operating System Image', ['image index: 2', 'image package ID: ABC00002']],
      [step('JoinDomainWorkgroupAction', 'x', vars([['DomainName', 'contoso.com'], ['DomainPassword', 'hunter2']])), 'Join Domain or Workgroup', ['domain name: contoso.com']],
      ['<step type="BDD_Gather" name="x"/>', 'Gather', []],
    ];
    for (const [xml, typeName, settings] of cases) {
      const item = buildSequenceView(seq(xml), { lint: false }).items[0] as ItemView;
      expect([item.typeName, ...item.settings.map((s) => `${s.label}: ${s.value}`)], xml).toEqual([typeName, ...settings]);
    }
  });

  it('shows the same catalog settings as cmts inspect, all of them, for every step of the corpus', () => {
    let compared = 0;
    for (const { name, bytes } of corpusFiles().filter((f) => !f.name.includes('.not-well-formed.'))) {
      for (const { node, path } of findSteps(readTaskSequence(bytes).sequence)) {
        const lines = catalogSettings(node).map((s) => `${s.label}: ${s.value}`);
        const inspect = inspectSettings(node);
        const more = /^\((\d+) more settings\)$/.exec(inspect[inspect.length - 1] ?? '');
        expect(lines.slice(0, 8), `${name} ${path}`).toEqual(more ? inspect.slice(0, -1) : inspect);
        if (more) expect(lines.length, `${name} ${path}`).toBe(8 + Number(more[1]));
        compared += lines.length;
      }
    }
    if (corpusFiles().length) expect(compared).toBeGreaterThan(100);
  });

  it('marks disabled and continue-on-error items and counts the disabled', () => {
    const v = buildSequenceView(seq(step('RunCommandLineAction', 'A', '', ' disable="true" continueOnError="true"') + step('RunCommandLineAction', 'B')));
    expect(v.items.map((i) => [i.name, i.disabled, i.continueOnError])).toEqual([
      ['A', true, true],
      ['B', false, false],
    ]);
    expect(v.counts.disabled).toBe(1);
  });

  it('finds variables set (Set Variable, output variables, dynamic rules, globals) and read (%VAR%, conditions)', () => {
    const v = buildSequenceView(
      seq(
        '<globalVarList><variable name="OSDComputerName">PC1</variable></globalVarList>' +
          step('SetVariableAction', 'Set', vars([['VariableName', 'Phase'], ['VariableValue', '%OSDComputerName%-x']])) +
          step('RunPowerShellScriptAction', 'PS', vars([['OutputVariableName', 'PSOut']])) +
          step('SetDynamicVariablesAction', 'Dyn', vars([['Rules', '&lt;Rules&gt;&lt;Rule&gt;&lt;condition&gt;&lt;variable name="AssetTag"&gt;s&lt;/variable&gt;&lt;/condition&gt;&lt;Variables&gt;&lt;Variable Name="SA_001" IsSecret="false"&gt;x&lt;/Variable&gt;&lt;/Variables&gt;&lt;/Rule&gt;&lt;/Rules&gt;']])) +
          step('RunCommandLineAction', 'Cond', '<condition><operator type="not"><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">1</variable><variable name="Variable">Phase</variable></expression></operator></condition>'),
      ),
    );
    const row = (n: string) => v.variables.find((r) => r.name === n);
    expect(row('Phase')?.setBy.map((r) => r.name)).toEqual(['Set']);
    expect(row('Phase')?.readBy.map((r) => r.name)).toEqual(['Cond']);
    expect(row('OSDComputerName')).toMatchObject({ note: 'global: PC1', readBy: [expect.objectContaining({ name: 'Set' })] });
    expect(row('PSOut')?.setBy.map((r) => r.name)).toEqual(['PS']);
    expect(row('SA_001')?.setBy.map((r) => r.name)).toEqual(['Dyn']);
    // A condition inside the rules is not a variable the step sets.
    expect(row('AssetTag')).toBeUndefined();
  });

  it('finds packages in /pkg: command lines, *PackageID properties and the referenceList', () => {
    const v = buildSequenceView(
      seq(
        '<referenceList><reference package="ABC00001" program="Install"/></referenceList>' +
          step('InstallSoftwareAction', 'Inst', '<action>smsswd.exe /pkg:ABC00001 /install</action>') +
          step('ApplyOperatingSystemAction', 'OS', vars([['ImagePackageID', 'abc00002']])) +
          step('DownloadPackageContentAction', 'DL', vars([['DownloadPackages', 'ABC00003,ABC00004 %NotAPackage%']])),
      ),
    );
    expect(v.packages.map((p) => [p.name, p.setBy.map((r) => r.name).join(','), p.note ?? ''])).toEqual([
      ['ABC00001', 'Inst', 'in referenceList (program Install)'],
      ['ABC00002', 'OS', ''],
      ['ABC00003', 'DL', ''],
      ['ABC00004', 'DL', ''],
    ]);
    expect(v.references).toEqual([{ package: 'ABC00001', program: 'Install' }]);
  });

  it('does not show secrets: hidden Set Variable values and password-like globals', () => {
    const v = buildSequenceView(
      seq(
        '<globalVarList><variable name="OSDJoinPassword">Secret1</variable></globalVarList>' +
          step('SetVariableAction', 'S', vars([['VariableName', 'X'], ['VariableValue', 'TopSecret'], ['DoNotShowVariableValue', 'true']])) +
          step('SetVariableAction', 'P', vars([['VariableName', 'AdminPassword'], ['VariableValue', 'hunter2']])),
      ),
    );
    expect(JSON.stringify(v)).not.toMatch(/Secret1|TopSecret|hunter2/);
    expect(byName(v.items, 'S').settings).toEqual([{ label: 'set', value: 'X = (hidden)' }, { label: 'do not show variable value', value: 'yes' }]);
  });

  it('puts lint findings beside the steps they concern', () => {
    const doc = readTaskSequence(readFileSync(join(FIXTURES_DIR, 'lint', 'violations.xml')));
    const v = buildSequenceView(doc);
    const setup = lint(doc).filter((d) => d.path === 'Install/Setup Windows and ConfigMgr');
    expect(setup.length).toBeGreaterThan(3);
    expect(byName(v.items, 'Setup Windows and ConfigMgr').findings.map((f) => f.rule)).toEqual(setup.map((d) => d.code));
    expect(byName(v.items, 'Install').findings).toEqual([]);
    expect(byName(v.items, 'Restart Computer').findings).toEqual([expect.objectContaining({ rule: 'kb977203/restart-notifies', severity: 'warning', line: 20 })]);
    expect(buildSequenceView(readTaskSequence(readFileSync(join(FIXTURES_DIR, 'lint', 'violations.xml'))), { lint: false }).items.flatMap((i) => flattenItems([i])).some((i) => i.findings.length)).toBe(false);
  });

  it('puts a finding beside the right one of two same-named steps', () => {
    const restart = (timeout: string) => step('RebootAction', 'Restart', `<action>smsboot.exe /target:HD</action>${vars([['MessageTimeout', timeout]])}`);
    const certfix = step('InstallSoftwareAction', 'Run CCMCertFix', '<action>smsswd.exe /pkg:ABC00010 /install</action>' + vars([['PackageID', 'ABC00010'], ['ProgramName', 'CCMCertFix']]));
    const v = buildSequenceView(readTaskSequence(`<sequence version="3.10">\n<group name="G">\n${restart('0')}\n</group>\n<group name="G">\n${certfix}\n${restart('60')}\n</group>\n</sequence>`));
    const [first, second] = v.items as [ItemView, ItemView];
    // Only the KB977203 rule is about the notification; catalog rules also note the steps' missing target.
    const kbRules = (item: ItemView | undefined): string[] => (item?.findings ?? []).map((f) => f.rule).filter((r) => r.startsWith('kb977203/'));
    expect(kbRules(first.children[0])).toEqual([]);
    expect(kbRules(second.children[1])).toEqual(['kb977203/restart-notifies']);
  });

  it('keeps findings about no step (globals) at the sequence level', () => {
    const v = buildSequenceView(seq('<globalVarList><variable name="OSDJoinPassword">Secret1</variable></globalVarList>'));
    expect(v.findings.map((f) => f.rule)).toEqual(['clear-text-secret']);
  });
});

describe('the view model of a comparison', () => {
  const before = seq(`<group name="G">${step('RunCommandLineAction', 'A', vars([['CommandLine', 'a.exe']]))}${step('RunCommandLineAction', 'Gone', vars([['CommandLine', 'gone.exe']]))}${step('RunCommandLineAction', 'B')}</group>${step('RebootAction', 'Last')}`);
  const after = seq(`<group name="G">${step('RunCommandLineAction', 'A', vars([['CommandLine', 'a2.exe']]))}${step('RunCommandLineAction', 'B')}${step('RunCommandLineAction', 'New', vars([['CommandLine', 'new.exe']]))}</group>${step('RebootAction', 'Last')}`);
  const v = buildComparisonView(before, after);

  it('marks added steps and changed settings with before and after', () => {
    expect(byName(v.items, 'New').change).toEqual({ mark: 'added', fields: [] });
    expect(byName(v.items, 'A').change).toEqual({ mark: 'changed', fields: [{ field: 'variable CommandLine', before: 'a.exe', after: 'a2.exe' }] });
    expect(byName(v.items, 'B').change).toBeUndefined();
    expect(byName(v.items, 'Last').change).toBeUndefined();
  });

  it('puts a removed step back where it was, struck out, with an id of its own', () => {
    expect(v.items[0]?.children.map((i) => `${i.name}${i.change ? ` ${i.change.mark}` : ''}`)).toEqual(['A changed', 'Gone removed', 'B', 'New added']);
    const ids = flattenItems(v.items).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(v.changes?.summary).toEqual({ added: 1, removed: 1, changed: 1, moved: 0 });
  });

  it('a removed group brings its steps along, once', () => {
    const c = buildComparisonView(seq(`<group name="Old">${step('RunCommandLineAction', 'X')}</group>`), seq(''));
    expect(c.items.map((i) => [i.name, i.change?.mark, i.children.map((x) => `${x.name} ${x.change?.mark}`)])).toEqual([['Old', 'removed', ['X removed']]]);
  });

  it('marks moved steps with where they came from, and lists package and global changes apart', () => {
    const c = buildComparisonView(
      seq(`<globalVarList><variable name="V">1</variable></globalVarList><group name="G1">${step('RebootAction', 'R')}</group><group name="G2"/>`),
      seq(`<globalVarList><variable name="V">2</variable></globalVarList><group name="G1"/><group name="G2">${step('RebootAction', 'R')}</group>`),
    );
    expect(byName(c.items, 'R').change).toMatchObject({ mark: 'moved', from: 'G1/R' });
    expect(c.changes?.other).toEqual(['~ variable V: "1" → "2"']);
  });
});
