// The model is plain data, so a script can make a node hold itself (`group.children.push(group)`). Every walk of the
// tree refuses such a tree with a TaskSequenceError that names the node containing itself: the XML writer with
// OUTPUT_MALFORMED (as it always did), the JSON model's check with NOT_A_TASK_SEQUENCE, every other walk with
// INVALID_ARGUMENT. Each walk used to run out of memory (the process aborted) or never end, or refused the tree as
// "nested too deep", so each case runs in a child process on the built library, with a small heap and a time limit:
// an abort or a hang fails the case, not the test run.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromYaml, insertStepsAfter, readTaskSequence, sequenceToXml, toModelJson, visit, type Group, type Step } from './helpers/api.js';
import { ensureBuilt } from './helpers/cli-process.js';
import { thrown } from './helpers/thrown.js';

const API = ['index.js', 'api/model.js', 'api/catalog.js', 'api/text.js', 'api/lint.js', 'api/diff.js', 'api/render.js', 'api/kb977203.js'].map(
  (f) => pathToFileURL(join(import.meta.dirname, '..', 'dist', 'lib', f)).href,
);

const XML =
  '<sequence version="3.00"><group name="g"><condition><operator type="and"><expression type="SMS_TaskSequence_VariableConditionExpression">' +
  '<variable name="Operator">equals</variable><variable name="Value">1</variable><variable name="Variable">X</variable></expression></operator></condition>' +
  '<group name="h"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd</action>' +
  '<defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable></defaultVarList></step></group></group></sequence>';

/** Ways to make the tree hold itself; in the child, `g` is the outer group, `h` the inner one, `a` the step, `op` the operator. */
const CYCLES = {
  group: 'g.children.push(g)',
  // A longer loop, found further down than where it starts: the inner group holds the outer one.
  'inner group': 'h.children.push(g)',
  step: 'a.children.push(a)',
  operator: 'op.children.push(op)',
  // A loop 3,000 groups long: the check compares each node with one ancestor only, and still finds it.
  'long loop': "let at = h; for (let i = 0; i < 3000; i++) { const n = { kind: 'group', tag: 'group', attributes: { name: 'n' }, children: [] }; at.children.push(n); at = n; } at.children.push(g)",
};

/** What the child prints: the error thrown (name, code, message), or that nothing was. */
type Outcome = { name: string; code: string; message: string } | { returned: true };

/** Runs `call` in a child process on a tree made to hold itself by `cycle`; what it threw, or an abort or time-out. */
function run(cycle: string, call: string): Promise<{ outcome: Outcome | undefined; failure: string }> {
  const script = `
    const api = {};
    for (const url of ${JSON.stringify(API)}) Object.assign(api, await import(url));
    const d = api.readTaskSequence(${JSON.stringify(XML)});
    const [g, h] = d.groups().map((l) => l.node);
    const a = d.steps()[0].node;
    const op = g.children[0].children[0];
    ${cycle};
    let outcome;
    try {
      ${call};
      outcome = { returned: true };
    } catch (e) {
      outcome = { name: e.name, code: e.code, message: e.message };
    }
    process.stdout.write(JSON.stringify(outcome));
  `;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--max-old-space-size=64', '--input-type=module', '-e', script], { timeout: 30_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const failure = error ? `${error.signal ? `signal ${error.signal}` : `exit ${String(error.code)}`}${error.killed ? ' (timed out)' : ''}: ${stderr.slice(-300)}` : '';
      resolve({ outcome: stdout ? (JSON.parse(stdout) as Outcome) : undefined, failure });
    });
  });
}

/** A tree made to hold itself, a call, the code it is refused with, and how the message names what contains itself. */
type Case = [cycle: keyof typeof CYCLES, call: string, code: string, what: string];

const other = `api.readTaskSequence('<sequence version="3.00"/>')`;
const json = (sequence: string) => `{ format: 'cmts.task-sequence', version: 1, container: 'sequence', encoding: { encoding: 'utf-8', bom: false }, properties: {}, sequence: ${sequence} }`;

const CASES: Case[] = [
  ['group', 'api.copyItem(g)', 'INVALID_ARGUMENT', '<group>'],
  ['group', 'api.toModelJson(d)', 'INVALID_ARGUMENT', '<group>'],
  ['group', 'api.toModelJson(d, { whitespace: true })', 'INVALID_ARGUMENT', '<group>'],
  ['group', 'api.sequenceToXml(d.sequence)', 'OUTPUT_MALFORMED', '<group>'],
  ['group', 'd.toString()', 'OUTPUT_MALFORMED', '<group>'],
  ['group', `api.fromModelJson(${json('d.sequence')})`, 'NOT_A_TASK_SEQUENCE', '<group>'],
  ['group', 'const b = api.editBatch(d.sequence); b.remove(g); b.apply()', 'INVALID_ARGUMENT', '<group>'],
  ['group', 'api.toYaml(d)', 'INVALID_ARGUMENT', '<group>'],
  ['group', 'api.sequenceToText(d)', 'INVALID_ARGUMENT', '<group>'],
  ['group', 'd.steps()', 'INVALID_ARGUMENT', '<group>'],
  ['group', 'd.groups()', 'INVALID_ARGUMENT', '<group>'],
  ['group', 'api.lint(d)', 'INVALID_ARGUMENT', '<group>'],
  ['group', `api.diffTaskSequences(d, ${other})`, 'INVALID_ARGUMENT', '<group>'],
  ['group', "api.applyKb977203(d, { certfixPackage: 'ABC00010' })", 'INVALID_ARGUMENT', '<group>'],
  ['group', 'api.visit(d.sequence, () => undefined)', 'INVALID_ARGUMENT', '<group>'],
  ['group', "api.parentOf(d.sequence, { kind: 'text', value: 'not in the tree' })", 'INVALID_ARGUMENT', '<group>'],
  ['group', "api.renderSequence(d, { format: 'html' })", 'INVALID_ARGUMENT', '<group>'],
  ['inner group', 'api.copyItem(g)', 'INVALID_ARGUMENT', '<group>'],
  ['inner group', 'api.toModelJson(d)', 'INVALID_ARGUMENT', '<group>'],
  ['inner group', 'api.sequenceToXml(d.sequence)', 'OUTPUT_MALFORMED', '<group>'],
  ['inner group', 'api.toYaml(d)', 'INVALID_ARGUMENT', '<group>'],
  ['inner group', 'd.steps()', 'INVALID_ARGUMENT', '<group>'],
  ['inner group', 'api.visit(d.sequence, () => undefined)', 'INVALID_ARGUMENT', '<group>'],
  ['long loop', 'd.steps()', 'INVALID_ARGUMENT', '<group>'],
  ['long loop', 'api.toModelJson(d)', 'INVALID_ARGUMENT', '<group>'],
  ['long loop', 'api.visit(d.sequence, () => undefined)', 'INVALID_ARGUMENT', '<group>'],
  ['long loop', 'api.toYaml(d)', 'INVALID_ARGUMENT', '<group>'],
  ['long loop', 'api.sequenceToXml(d.sequence)', 'OUTPUT_MALFORMED', '<group>'],
  ['step', 'api.copyItem(a)', 'INVALID_ARGUMENT', '<step>'],
  ['step', 'api.toModelJson(d)', 'INVALID_ARGUMENT', '<step>'],
  ['step', 'api.lint(d)', 'INVALID_ARGUMENT', '<step>'],
  ['step', "api.renderSequence(d, { format: 'md' })", 'INVALID_ARGUMENT', '<step>'],
  ['operator', 'api.describeCondition(api.conditionOf(g))', 'INVALID_ARGUMENT', '<operator>'],
  ['operator', 'api.sequenceToText(d)', 'INVALID_ARGUMENT', '<operator>'],
  ['operator', `api.diffTaskSequences(d, ${other})`, 'INVALID_ARGUMENT', '<operator>'],
  ['operator', "api.renderSequence(d, { format: 'html' })", 'INVALID_ARGUMENT', '<operator>'],
  // Other plain data a script hands in can hold itself too: a condition operand, the text form, a view's items.
  ['group', 'const o = { and: [] }; o.and.push(o); api.buildCondition(o)', 'INVALID_ARGUMENT', 'A condition operand'],
  ['group', "const s = []; s.push({ group: 'x', steps: s }); api.buildSequence({ container: 'sequence', steps: s })", 'INVALID_ARGUMENT', 'The group "x"'],
  ['group', "const v = { id: 'i1', children: [] }; v.children.push(v); api.flattenItems([v])", 'INVALID_ARGUMENT', 'The item "i1" of the view'],
];

describe('a tree that contains itself', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it.concurrent.each(CASES)('%s: %s is refused with %s', async (cycle, call, code, what) => {
    const { outcome, failure } = await run(CYCLES[cycle], call);
    expect(failure).toBe('');
    expect(outcome).toEqual({ name: 'TaskSequenceError', code, message: expect.stringContaining(`${what} contains itself`) });
  }, 60_000);
});

// Only a node among its own descendants is refused: one node in two places, neither inside the other, is a tree
// that ends, walked (and written) twice, as before.
describe('a node in two places', () => {
  it('is listed, copied, walked and written at each place', () => {
    const doc = readTaskSequence(XML);
    const [g] = doc.groups().map((l) => l.node) as [Group];
    const a = doc.steps()[0]?.node as Step;
    doc.sequence.children.push(g);
    g.children.push(a);
    expect(doc.steps().map((l) => l.path)).toEqual(['g/h/a', 'g/a', 'g/h/a', 'g/a']);
    let visits = 0;
    visit(doc.sequence, (n) => {
      if (n === a) visits++;
    });
    expect(visits).toBe(4);
    expect(JSON.stringify(toModelJson(doc).sequence).split('"name":"a"')).toHaveLength(5);
    expect(sequenceToXml(doc.sequence, { newline: '' }).split('name="a"')).toHaveLength(5);
  });
});

// Text and options that hold themselves are refused as such, not as nested too deep.
describe('values that contain themselves', () => {
  it('a YAML alias inside the value its anchor names is NOT_A_TASK_SEQUENCE at the alias, not TEXT_TOO_DEEP', () => {
    const text = 'container: sequence\nsteps: &s\n  - group: g\n    steps: *s\n';
    const e = thrown(() => fromYaml(text));
    expect([e.code, e.message, e.linePos]).toEqual(['NOT_A_TASK_SEQUENCE', expect.stringContaining('the alias *s is inside the value its anchor &s names, so that value contains itself'), { line: 4, col: 12 }]);
  });

  it('a transform option that holds itself is OPTIONS_INVALID saying so', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    const e = thrown(() => insertStepsAfter({ after: { name: 'a' }, steps: [{ type: 'restart-computer', name: 'R' }], loop } as never));
    expect([e.code, e.message]).toEqual(['OPTIONS_INVALID', expect.stringContaining('option loop contains itself')]);
  });
});
