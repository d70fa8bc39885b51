import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { conditionOf, describeCondition, listItems, readTaskSequence, toModelJson, validatorFor, type Group } from './helpers/api.js';
import { CORPUS_SKIPPED, corpusFiles, fixtureFiles } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const example = (f: string) => readFileSync(resolve('examples', f));
const allInputs = () => [
  ...corpusFiles().map((f) => ({ name: `corpus/${f.name}`, bytes: f.bytes })),
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
        '│  ├─ Capture User State  (Capture User State)',
        '│  └─ Restart in Windows PE  (Restart Computer)',
        '│        restart to: the boot image',
        '│        notify the user: yes (60 s)',
        '├─ Install Operating System  (group)',
        '│  ├─ Apply Operating System  (Apply Operating System Image)',
        '│  └─ Setup Windows and ConfigMgr  (Setup Windows and ConfigMgr)',
        '│        installation properties: SMSSLP=CM01.contoso.com FSP=CM01.contoso.com',
        '│        client package: CM100002',
        '└─ Restore  (group)',
        '   ├─ Restore User State  (Restore User State)',
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
  it('XML → JSON → XML keeps the model: every corpus file, fixture and example', async () => {
    for (const { name, bytes } of allInputs()) {
      const m = memoryIo({ 'in.xml': bytes });
      expect(await main(['convert', 'in.xml', '--to', 'json', '-o', 'in.json'], m.io), name).toBe(0);
      expect(await main(['convert', 'in.json', '--to', 'xml', '-o', 'out.xml'], m.io), `${name}: ${m.stderr}`).toBe(0);
      const back = readTaskSequence(m.fs.get('out.xml')!);
      const original = readTaskSequence(bytes);
      expect(toModelJson(back).sequence, name).toEqual(toModelJson(original).sequence);
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
    expect(m.stderr).toMatch(/a\.json: NOT_A_TASK_SEQUENCE .*sequence\.attributes\.version: must be string/);
    expect(await main(['convert', 'b.json', '--to', 'xml'], m.io)).toBe(1);
    expect(await main(['convert', 'b.json'], m.io)).toBe(2);
  });
});
