// Review of the library's API and of diff (the stop after 61e1d8a): faults found by building, editing and comparing
// sequences as a script and an administrator would, each with the test that failed before its fix.
import { describe, expect, it } from 'vitest';
import { addStep, createSequence, stepView } from '../lib/api/catalog.js';
import { lint } from '../lib/api/lint.js';
import { main } from '../lib/cli/main.js';
import { createTransform, readTaskSequence, TaskSequenceError } from '../lib/index.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const RUN = 'SMS_TaskSequence_RunCommandLineAction';
const SETUP = '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr"><action>OSDSetupWindows.exe</action></step>';

describe('cmts diff: a secret a condition compares with', () => {
  const seq = (operator: string, value: string) =>
    `<sequence version="3.10"><step type="${RUN}" name="S"><condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">${operator}</variable><variable name="Value">${value}</variable><variable name="Variable">OSDJoinPassword</variable></expression></condition><action>a.exe</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">a.exe</variable></defaultVarList></step></sequence>`;

  async function diffOf(a: string, b: string): Promise<{ status: number; text: string; json: { results: { differences: { field?: string; before?: string; after?: string }[] }[] } }> {
    const m = memoryIo({ 'a.xml': a, 'b.xml': b });
    const status = await main(['diff', 'a.xml', 'b.xml'], m.io);
    const j = memoryIo({ 'a.xml': a, 'b.xml': b });
    await main(['diff', 'a.xml', 'b.xml', '--json'], j.io);
    return { status, text: m.stdout, json: JSON.parse(j.stdout) as never };
  }

  it('only the value changed: (hidden) before, (hidden, changed) after, in the text and under --json', async () => {
    const r = await diffOf(seq('equals', 'S3cretOne'), seq('equals', 'S3cretTwo'));
    expect(r.status).toBe(1);
    expect(r.text).toContain('- OSDJoinPassword = (hidden)');
    expect(r.text).toContain('+ OSDJoinPassword = (hidden, changed)');
    expect(r.text).not.toContain('S3cret');
    const entry = r.json.results[0]?.differences.find((d) => d.field === 'condition');
    expect(entry).toMatchObject({ before: 'OSDJoinPassword = (hidden)', after: 'OSDJoinPassword = (hidden, changed)' });
  });

  it('the operator and the value changed: the value is said to have changed too', async () => {
    const r = await diffOf(seq('equals', 'S3cretOne'), seq('notEquals', 'S3cretTwo'));
    expect(r.text).toMatch(/\+ OSDJoinPassword \S+ \(hidden, changed\)/);
  });

  it('the operator alone changed: the value is (hidden) on both sides', async () => {
    const r = await diffOf(seq('equals', 'S3cretOne'), seq('notEquals', 'S3cretOne'));
    expect(r.text).not.toContain('(hidden, changed)');
    expect(r.text).toMatch(/\+ OSDJoinPassword \S+ \(hidden\)/);
  });
});

describe('lint reference-missing', () => {
  it('a package ID given as a variable (%PKG%) is known only at run time: not reported; a literal one still is', () => {
    const step = (pkg: string) => `<step type="SMS_TaskSequence_InstallSoftwareAction" name="I ${pkg}"><action>smsswd.exe /pkg:${pkg} /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">${pkg}</variable><variable name="ProgramName" property="ProgramName" hidden="true">P</variable></defaultVarList></step>`;
    const doc = readTaskSequence(`<sequence version="3.10"><referenceList><reference package="ABC00001"/></referenceList>${step('%PKG%')}${step('ABC00002')}</sequence>`);
    const found = lint(doc).filter((f) => f.code === 'reference-missing');
    expect(found.map((f) => f.message)).toEqual(["Package ABC00002 is not in the sequence's <referenceList>."]);
  });
});

describe('doc.apply puts a node\'s kind back', () => {
  it('a transform that changes a step\'s kind and throws: the step is a step again', () => {
    const doc = readTaskSequence(`<sequence version="3.10"><group name="G"><step type="${RUN}" name="A"><action>a</action></step></group></sequence>`);
    const held = doc.steps()[0]?.node;
    expect(() =>
      doc.apply((d) => {
        (d.steps()[0]?.node as { kind: string }).kind = 'group';
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(held?.kind).toBe('step');
    expect([doc.steps().length, doc.groups().length]).toEqual([1, 1]);
  });
});

describe('insert-steps-after refuses at once what planning would', () => {
  it('a step name with U+2028 or U+2029, as the builders and renameItem do', () => {
    for (const sep of ['\u2028', '\u2029']) {
      const e = thrown(() => createTransform('insert-steps-after', { after: { type: 'SMS_TaskSequence_SetupWindowsAndSMSAction' }, steps: [{ type: 'run-command-line', name: `One${sep}Two`, commandLine: 'x' }] }));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain('one line');
    }
  });

  it('a Set Task Sequence Variable value its command line would read otherwise, or that holds a line end', () => {
    for (const value of ['x" /hiddenflag:True "y', 'x\u2028y']) {
      const options = { after: { type: 'SMS_TaskSequence_SetupWindowsAndSMSAction' }, steps: [{ type: 'set-variable' as const, name: 'S', variableName: 'V', value }] };
      expect(thrown(() => createTransform('insert-steps-after', options)).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('cmts transform: once, in the options file, at the step', async () => {
    const options = JSON.stringify({ after: { type: 'SMS_TaskSequence_SetupWindowsAndSMSAction' }, steps: [{ type: 'set-variable', name: 'S', variableName: 'V', value: 'x" /hiddenflag:True "y' }] }, null, 2);
    const ts = `<sequence version="3.10">${SETUP}</sequence>`;
    const m = memoryIo({ 'a.xml': ts, 'b.xml': ts, 'o.json': options });
    expect(await main(['transform', 'insert-steps-after', 'a.xml', 'b.xml', '--options', 'o.json', '--check'], m.io)).toBe(1);
    expect(m.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(m.stderr).toMatch(/^cmts transform: o\.json:\d+:\d+: INVALID_ARGUMENT /);
    expect(m.reads).toEqual(['o.json']);
  });
});

describe('a BigInt where a name or setting goes is refused, typed', () => {
  it('createSequence, a step view\'s set', () => {
    const e = thrown(() => createSequence(10n as never));
    expect(e).toBeInstanceOf(TaskSequenceError);
    expect(e.message).toContain('a bigint');
    const doc = createSequence('sequence');
    const step = addStep(doc, 'Restart Computer', { name: 'R', settings: { target: 'HD' } }, { last: doc.sequence });
    const f = thrown(() => stepView(step).set(10n as never, 'x'));
    expect(f).toBeInstanceOf(TaskSequenceError);
    expect(f.code).toBe('INVALID_ARGUMENT');
  });
});

describe('cmts diff: a move at the top of the sequence', () => {
  it('is said to be within the sequence, not within a group it is not in; one in a group as before', async () => {
    const m = memoryIo({ 'a.xml': '<sequence version="3.10"><group name="A"/><group name="B/C"/></sequence>', 'b.xml': '<sequence version="3.10"><group name="B/C"/><group name="A"/></sequence>' });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).toMatch(/\(moved within the sequence\)/);
    expect(m.stdout).not.toContain('within its group');
    const g = memoryIo({ 'a.xml': '<sequence version="3.10"><group name="G"><group name="A"/><group name="B"/></group></sequence>', 'b.xml': '<sequence version="3.10"><group name="G"><group name="B"/><group name="A"/></group></sequence>' });
    await main(['diff', 'a.xml', 'b.xml'], g.io);
    expect(g.stdout).toContain('(moved within its group)');
  });
});

describe('insert-steps-after: STEP_NOT_FOUND says the whole query', () => {
  it('a query naming a step type is shown whole, not cut at 40 characters', () => {
    const doc = readTaskSequence(`<sequence version="3.10">${SETUP}</sequence>`);
    const t = createTransform('insert-steps-after', { after: { type: 'SMS_TaskSequence_RunCommandLineAction', name: 'Run it' }, steps: [{ type: 'restart-computer', name: 'R' }] });
    const e = thrown(() => doc.apply(t));
    expect(e.code).toBe('STEP_NOT_FOUND');
    expect(e.message).toContain('{"type":"SMS_TaskSequence_RunCommandLineAction","name":"Run it"}');
  });
});
