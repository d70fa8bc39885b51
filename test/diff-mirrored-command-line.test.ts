// One edit of a setting the `<action>` line shows (the library's setters re-render the line with the variable) is one
// change in the diff, of the variable: the line, its variables' rendering on both sides, was reported too, as
// `command line`. A line that is not its variables' rendering on one side (hand edited, only it or only the variable
// changed; a switch a newer console writes) is still a change of its own.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, readTaskSequence, RunCommandLineStep, type Step, stepView, type TaskSequenceDocument, writeTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const vars = (pairs: [string, string][]) => `<defaultVarList>${pairs.map(([name, value]) => `<variable name="${name}" property="${name.replace(/^OSD|^SMSTS/, '')}">${value}</variable>`).join('')}</defaultVarList>`;
const seq = (steps: string) => `<sequence version="3.10"><group name="G" description="">${steps}</group></sequence>`;
const run = (command: string, line = `smsswd.exe /run: ${command}`) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="Run" description="" runIn="WinPEandFullOS" successCodeList="0 3010"><action>${line}</action><defaultVarList><variable name="CommandLine" property="CommandLine">${command}</variable></defaultVarList></step>`;
const RUN = seq(run('b'));

const read = (text: string) => readTaskSequence(text);
const first = (doc: TaskSequenceDocument) => doc.steps()[0]?.node as Step;
/** The document after `edit`, written and read back as a second file. */
function edited(text: string, edit: (step: Step) => void): string {
  const doc = read(text);
  edit(first(doc));
  return Buffer.from(writeTaskSequence(doc)).toString('utf8');
}
const fields = (a: string, b: string) => diffTaskSequences(read(a), read(b)).map((d) => d.field);

describe('a command line that mirrors its variables', () => {
  it('changed through RunCommandLineStep.commandLine or stepView.set is one change, of the variable', () => {
    for (const edit of [(s: Step) => void (new RunCommandLineStep(s).commandLine = 'c'), (s: Step) => stepView(s).set('commandLine', 'c')]) {
      const after = edited(RUN, edit);
      expect(after).toContain('<action>smsswd.exe /run: c</action>');
      expect(diffTaskSequences(read(RUN), read(after))).toEqual([{ change: 'changed', kind: 'step', path: 'G/Run', field: 'variable CommandLine', before: 'b', after: 'c' }]);
    }
  });

  it('so on the command line too, in text and --json', async () => {
    const m = memoryIo({ 'a.xml': RUN, 'b.xml': edited(RUN, (s) => stepView(s).set('commandLine', 'c')) });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).toBe('--- a.xml\n+++ b.xml\n~ step G/Run variable CommandLine:\n    - b\n    + c\n');
    const j = memoryIo({ 'a.xml': RUN, 'b.xml': edited(RUN, (s) => stepView(s).set('commandLine', 'c')) });
    expect(await main(['diff', 'a.xml', 'b.xml', '--json'], j.io)).toBe(1);
    const report = JSON.parse(j.stdout) as { results: { differences: { field?: string }[] }[] };
    expect(report.results[0]?.differences.map((d) => d.field)).toEqual(['variable CommandLine']);
  });

  it('holds for every step type whose line the catalog renders from its variables', () => {
    // Set Task Sequence Variable: tsenv.exe "{VariableName}={VariableValue}".
    const set = seq(`<step type="SMS_TaskSequence_SetVariableAction" name="Set" description="" runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe "Role=Desk"</action>${vars([['VariableName', 'Role'], ['VariableValue', 'Desk']])}</step>`);
    const setEdited = edited(set, (s) => stepView(s).set('variableValue', 'Laptop'));
    expect(setEdited).toContain('tsenv.exe "Role=Laptop"');
    expect(fields(set, setEdited)).toEqual(['variable VariableValue']);
    // Run Command Line's package: smsswd.exe /run:{PackageID} {CommandLine}.
    const withPackage = edited(RUN, (s) => stepView(s).set('packageId', 'ABC00001'));
    expect(withPackage).toContain('<action>smsswd.exe /run:ABC00001 b</action>');
    // A variable the step did not have: added with its attributes, and the line not listed.
    expect(fields(RUN, withPackage)).toEqual(['variable PackageID', 'variable PackageID attribute property', 'variable PackageID attribute hidden']);
  });

  it('is still a change of its own where only the line was edited by hand', () => {
    expect(diffTaskSequences(read(RUN), read(seq(run('b', 'smsswd.exe /run: c'))))).toEqual([{ change: 'changed', kind: 'step', path: 'G/Run', field: 'command line', before: 'smsswd.exe /run: b', after: 'smsswd.exe /run: c' }]);
  });

  it('where only the variable was edited by hand, the variable is the change (the line did not change)', () => {
    expect(fields(RUN, seq(run('c', 'smsswd.exe /run: b')))).toEqual(['variable CommandLine']);
  });

  it('where both changed but the line is not what the variable renders, both are changes', () => {
    expect(fields(RUN, seq(run('c', 'smsswd.exe /run: d')))).toEqual(['command line', 'variable CommandLine']);
    // Nor where the first file's line was not its variable's rendering (stale) and the second's is.
    expect(fields(seq(run('b', 'smsswd.exe /run: x')), seq(run('c')))).toEqual(['command line', 'variable CommandLine']);
  });

  it('is a change where the line gains a segment a newer console writes, which no variable changed', () => {
    // Prepare Windows for Capture: `[@1810| /shutdown:%OSDShutdownPreparedOs%]`.
    const prepare = (line: string) => seq(`<step type="SMS_TaskSequence_PrepareOSAction" name="Prepare" description="" runIn="FullOS" successCodeList="0"><action>${line}</action>${vars([['OSDBuildStorageDriverList', 'false'], ['OSDKeepActivation', 'false']])}</step>`);
    const old = 'osdprepareos.exe /activate:%OSDKeepActivation% /bmsd:%OSDBuildStorageDriverList%';
    expect(fields(prepare(old), prepare(`${old} /shutdown:%OSDShutdownPreparedOs%`))).toEqual(['command line']);
  });

  it('of a step type the catalog does not know is a change of its own', () => {
    const vendor = (v: string) => seq(`<step type="Contoso_Action" name="V" description=""><action>contoso.exe ${v}</action><defaultVarList><variable name="Value" property="Value">${v}</variable></defaultVarList></step>`);
    expect(fields(vendor('a'), vendor('b'))).toEqual(['command line', 'variable Value']);
  });

  it('is judged once per changed step: 5,000 steps edited give 5,000 changes', () => {
    const n = 5000;
    const many = seq(Array.from({ length: n }, (_, i) => run(`cmd /c echo ${i}`).replace('name="Run"', `name="Run ${i}"`)).join(''));
    const doc = read(many);
    for (const { node } of doc.steps()) stepView(node as Step).set('commandLine', `${(stepView(node as Step).get('commandLine') as string)} done`);
    const entries = diffTaskSequences(read(many), doc);
    expect(entries).toHaveLength(n);
    expect(new Set(entries.map((e) => e.field))).toEqual(new Set(['variable CommandLine']));
  });
});
