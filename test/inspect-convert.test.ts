import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { conditionOf, describeCondition, listItems, readTaskSequence, toModelJson, validatorFor, type Group } from './helpers/api.js';
import { CORPUS_SKIPPED, corpusFiles, fixtureFiles } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const example = (f: string) => readFileSync(resolve('examples', f));
const allInputs = () => [
  // A corpus file named .not-well-formed. is refused by design (test/roundtrip.test.ts checks that).
  ...corpusFiles().filter((f) => !f.name.includes('.not-well-formed.')).map((f) => ({ name: `corpus/${f.name}`, bytes: f.bytes })),
  ...fixtureFiles().map((f) => ({ name: `fixtures/${f.name}`, bytes: f.bytes })),
  ...['refresh-2007.xml', 'new-computer-bare-utf16le.xml', 'replace-capture-2007.xml', 'replace-restore.object.xml'].map((f) => ({ name: `examples/${f}`, bytes: example(f) })),
];

// Thousands of runs or every corpus file: well over the 5 s default on a busy machine, so the limit is explicit.
describe('cmts inspect', { timeout: 60_000 }, () => {
  it('runs over the shared corpus too (skipped, not passed, without it)', (ctx) => {
    if (CORPUS_SKIPPED !== undefined) ctx.skip(CORPUS_SKIPPED);
    expect(allInputs().filter((i) => i.name.startsWith('corpus/')).length).toBeGreaterThan(0);
  });

  it('shows the tree the console shows, with conditions and key properties', async () => {
    const m = memoryIo({ 'r.xml': example('refresh-2007.xml') });
    expect(await main(['inspect', 'r.xml'], m.io)).toBe(0);
    expect(m.stdout).toBe(
      [
        'Windows 7 Refresh — r.xml (ConfigMgr 2007 export, sequence version 3.00, UTF-8)',
        '├─ Capture  (group)',
        '│  │  if _SMSTSInWinPE = "false"',
        '│  ├─ Request State Store  (Request State Store)',
        '│  │     request type: capture',
        '│  ├─ Capture User State  (Capture User State)',
        '│  │     mode: Simple',
        '│  └─ Restart in Windows PE  (Restart Computer)',
        '│        restart to: the boot image',
        '│        notify the user: yes (60 s)',
        '├─ Install Operating System  (group)',
        '│  ├─ Apply Operating System  (Apply Operating System Image)',
        '│  │     image package ID: CM100007',
        '│  └─ Setup Windows and ConfigMgr  (Setup Windows and ConfigMgr)',
        '│        installation properties: SMSSLP=CM01.contoso.com FSP=CM01.contoso.com',
        '│        client package: CM100002',
        '└─ Restore  (group)',
        '   ├─ Restore User State  (Restore User State)',
        '   │     continue on restore: yes',
        '   └─ Release State Store  (Release State Store)',
        '',
      ].join('\n'),
    );
  });

  it('marks disabled and continue-on-error steps', async () => {
    const m = memoryIo({ 'a.xml': '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="A" disable="true" continueOnError="true"/></sequence>' });
    await main(['inspect', 'a.xml'], m.io);
    expect(m.stdout).toContain('└─ A  (Run Command Line)  [disabled, continue on error]');
  });

  it('summarises nested and/or/not conditions in one line', () => {
    const doc = readTaskSequence(
      '<sequence><group name="g"><condition><operator type="or"><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">1</variable><variable name="Variable">A</variable></expression><operator type="not"><expression type="SMS_TaskSequence_FolderConditionExpression"><variable name="Path">C:\\x</variable></expression></operator></operator><expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">SELECT *  FROM Win32_Battery</variable></expression></condition></group></sequence>',
    );
    const group = listItems(doc.sequence)[0]!.node as Group;
    expect(describeCondition(conditionOf(group)!)).toBe('(A = "1" or not (folder C:\\x exists)) and WMI root\\cimv2: SELECT * FROM Win32_Battery');
  });

  it('--json prints the model, valid against schemas/task-sequence.schema.json, for every corpus file, fixture and example', async () => {
    const validate = validatorFor('task-sequence.schema.json');
    for (const { name, bytes } of allInputs()) {
      const m = memoryIo({ 'in.xml': bytes });
      expect(await main(['inspect', 'in.xml', '--json'], m.io), name).toBe(0);
      const report = JSON.parse(m.stdout) as { results: { input: string; model: unknown }[] };
      expect(validatorFor('inspect.report.schema.json')(report), name).toBe(true);
      expect(report.results.map((r) => r.input), name).toEqual(['in.xml']);
      const json = report.results[0]!.model;
      expect(validate(json), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('a bad file among several: the others are shown, exit 1', async () => {
    const m = memoryIo({ 'd/a.xml': example('refresh-2007.xml'), 'd/b.xml': '<nope/>' });
    expect(await main(['inspect', 'd'], m.io)).toBe(1);
    expect(m.stdout).toContain('Windows 7 Refresh — d/a.xml');
    expect(m.stderr).toMatch(/d\/b\.xml:1:1: NOT_A_TASK_SEQUENCE/);
  });
});

describe('cmts convert', { timeout: 60_000 }, () => {
  it('a JSON model whose XML a reader would refuse is the JSON file\'s failure, saying where in that XML', async () => {
    const m = memoryIo({ 'r.xml': example('refresh-2007.xml') });
    expect(await main(['convert', 'r.xml', '--to', 'json', '-o', 'r.json'], m.io)).toBe(0);
    const json = Buffer.from(m.fs.get('r.json') as Uint8Array).toString('utf8').replace('"Capture"', '"Cap\\u0001ture"');
    const bad = memoryIo({ 'bad.json': json });
    expect(await main(['convert', 'bad.json', '--to', 'xml', '-o', 'out.xml'], bad.io)).toBe(1);
    expect(bad.stderr).toMatch(/^cmts convert: bad\.json: XML_MALFORMED The XML written for it is refused \(at line \d+, column \d+ of that XML\): Character U\+0001 is not allowed in XML\.$/m);
    expect(bad.writes).toEqual([]);
  });

  it('XML → JSON → XML keeps the model, the container and its properties: every corpus file, fixture and example', async () => {
    for (const { name, bytes } of allInputs()) {
      const m = memoryIo({ 'in.xml': bytes });
      expect(await main(['convert', 'in.xml', '--to', 'json', '-o', 'in.json'], m.io), name).toBe(0);
      expect(await main(['convert', 'in.json', '--to', 'xml', '-o', 'out.xml'], m.io), `${name}: ${m.stderr}`).toBe(0);
      const back = readTaskSequence(m.fs.get('out.xml')!);
      const original = readTaskSequence(bytes);
      expect(toModelJson(back).sequence, name).toEqual(toModelJson(original).sequence);
      expect([back.container, back.properties()], name).toEqual([original.container, original.properties()]);
    }
  });

  it('JSON that kept the whitespace prints the same layout', async () => {
    const bytes = Buffer.from(readFileSync(resolve('examples/refresh-2007.xml')).toString('utf8').replace(/^[\s\S]*?(<sequence)/, '$1').replace(/(<\/sequence>)[\s\S]*$/, '$1'));
    const m = memoryIo({ 'in.xml': bytes });
    await main(['convert', 'in.xml', '--to', 'json', '--whitespace', '-o', 'in.json'], m.io);
    await main(['convert', 'in.json', '--to', 'xml', '-o', 'out.xml'], m.io);
    expect(Buffer.from(m.fs.get('out.xml')!).toString('utf8')).toBe(bytes.toString('utf8'));
  });

  it('refuses JSON that is not a task sequence model, naming what is wrong', async () => {
    const m = memoryIo({ 'a.json': JSON.stringify({ format: 'cmts.task-sequence', version: 1, container: 'sequence', encoding: { encoding: 'utf-8', bom: false }, properties: {}, sequence: { kind: 'sequence', tag: 'sequence', attributes: { version: 3 }, children: [] } }), 'b.json': '{' });
    expect(await main(['convert', 'a.json', '--to', 'xml'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/a\.json:1:\d+: NOT_A_TASK_SEQUENCE .*sequence\.attributes\.version: must be string/);
    expect(await main(['convert', 'b.json', '--to', 'xml'], m.io)).toBe(1);
    expect(await main(['convert', 'b.json'], m.io)).toBe(2);
  });
});

describe('cmts inspect shows every step\'s key settings from the step catalog', () => {
  it('an MDT Run Command Line with the command only in <action>, an MDT restart target, and a catalog type', async () => {
    const mdt = `<sequence version="3.00"><group name="G" description=""><step name="Apply Windows PE" disable="false" continueOnError="false" successCodeList="0 3010" description="" startIn=""><action>cscript.exe "%SCRIPTROOT%\\LTIApply.wsf" /PE</action><defaultVarList><variable name="RunAsUser" property="RunAsUser">false</variable></defaultVarList></step><step type="SMS_TaskSequence_RebootAction" name="Reboot" description="" runIn="WinPEandFullOS" successCodeList="0 3010"><defaultVarList><variable name="Message" property="Message" /><variable name="MessageTimeout" property="MessageTimeout">60</variable><variable name="Target" property="Target" /></defaultVarList><action>smsboot.exe /target:WinPE</action></step><step type="SMS_TaskSequence_ApplyDriverPackageAction" name="Drivers" description="" runIn="WinPE" successCodeList="0"><action>osddriverclient.exe /install:ABC0002A  /unsigned:%OSDAllowUnsignedDriver%</action><defaultVarList><variable name="OSDApplyDriverDriverPackageID" property="DriverPackageID" hidden="true">ABC0002A</variable><variable name="OSDAllowUnsignedDriver" property="UnsignedDriver">false</variable></defaultVarList></step></group></sequence>`;
    const m = memoryIo({ 'm.xml': mdt });
    expect(await main(['inspect', 'm.xml'], m.io)).toBe(0);
    expect(m.stdout).toContain('command line: cscript.exe "%SCRIPTROOT%\\LTIApply.wsf" /PE');
    expect(m.stdout).toContain('restart to: the boot image');
    expect(m.stdout).toContain('driver package ID: ABC0002A');
    expect(m.stdout).toContain('unsigned driver: no');
    const j = memoryIo({ 'm.xml': mdt });
    expect(await main(['inspect', 'm.xml', '--json'], j.io)).toBe(0);
    const json = (JSON.parse(j.stdout) as { results: { steps: { path: string; settings: Record<string, unknown> }[] }[] }).results[0]!;
    expect(json.steps.find((s) => s.path === 'G/Drivers')?.settings).toEqual({ driverPackageId: 'ABC0002A', unsignedDriver: false });
    expect(json.steps.find((s) => s.path === 'G/Reboot')?.settings).toEqual({ message: '', messageTimeout: 60, target: 'WinPE' });
  });
});

describe('the JSON form without white space', () => {
  it('drops only XML white space between elements: a no-break space is text, and stays', () => {
    const doc = readTaskSequence('<sequence version="3.00">\n  <group name="g">\u00a0<step type="SMS_TaskSequence_RebootAction" name="r"><action>x</action></step>\n  </group>\n</sequence>');
    const group = toModelJson(doc).sequence.children.find((c) => c.kind === 'group') as Group;
    expect(group.children.map((c) => c.kind)).toEqual(['text', 'step']);
    expect(group.children[0]).toEqual({ kind: 'text', value: '\u00a0' });
  });
});
