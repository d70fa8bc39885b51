// The model's walks at any nesting the reader accepts (issue 9): a caller may raise `maxDepth` far past the default,
// and each of these used to recurse (or go through JSON.stringify, or ajv's recursive validator) and threw
// RangeError a few thousand levels down. Each test works on a tree deeper than the call stack can follow.
import { describe, expect, it } from 'vitest';
import { itemUsage } from '../lib/render/usage.js';
import { reindent } from '../lib/presets/kb977203-wiring.js';
import { validateModelJson } from '../lib/model/model-json-validator.js';
import { copyItem } from '../lib/model/authoring.js';
import { corpusFiles, fixtureFiles } from './helpers/corpus.js';
import {
  applyKb977203,
  conditionOf,
  describeCondition,
  fromModelJson,
  readTaskSequence,
  sequenceToXml,
  TaskSequenceError,
  toModelJson,
  validatorFor,
  writeTaskSequenceText,
  type Group,
  type Sequence,
} from './helpers/api.js';

const DEPTH = 10_000;

const step =
  '<step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd</action>' +
  '<defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable></defaultVarList></step>';
const expression = (variable: string) =>
  '<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable>' +
  `<variable name="Value">1</variable><variable name="Variable">${variable}</variable></expression>`;

// Groups nested DEPTH deep, a line break before each (the layout the JSON keeps), a step at the bottom; then a group
// whose condition nests DEPTH `not` operators, each also holding an expression that reads its own variable V<i>.
const groups = `${'\n<group name="g">'.repeat(DEPTH)}\n${step}${'\n</group>'.repeat(DEPTH)}`;
const operators = Array.from({ length: DEPTH }, (_, i) => `<operator type="not">${expression(`V${i}`)}`).join('');
const condition = `<condition>${operators}${expression('X')}${'</operator>'.repeat(DEPTH)}</condition>`;
const text = `<sequence version="3.00">${groups}\n<group name="c">${condition}</group>\n</sequence>`;
const read = () => readTaskSequence(text, { maxDepth: DEPTH + 20 });

/** The groups from the top of the deep chain down (an explicit walk: the chain is too deep to recurse). */
function chain(sequence: Sequence): Group[] {
  const out: Group[] = [];
  for (let at = sequence.children.find((c): c is Group => c.kind === 'group'); at; at = at.children.find((c): c is Group => c.kind === 'group')) out.push(at);
  return out;
}

const conditionGroup = (sequence: Sequence) => sequence.children.filter((c): c is Group => c.kind === 'group')[1] as Group;

// Each test reads a 10,000-level document: seconds under coverage on a busy machine, so the limit is explicit.
describe('model walks at a depth past the call stack', { timeout: 60_000 }, () => {
  it('toModelJson copies the whole tree (layout kept or dropped) and fromModelJson accepts it; written back it is the input', () => {
    const doc = read();
    const kept = toModelJson(doc, { whitespace: true });
    expect(chain(kept.sequence)).toHaveLength(DEPTH);
    // A copy, not the document's own tree (compared by identity: `not.toBe` would compare the trees deeply, recursing).
    expect(kept.sequence === doc.sequence).toBe(false);
    expect(fromModelJson(kept)).toBe(kept);
    expect(sequenceToXml(fromModelJson(kept).sequence)).toBe(text);
    // Without layout: no whitespace text is left at any depth, and the groups are all still there.
    const bare = toModelJson(doc);
    const deepest = chain(bare.sequence).at(-1) as Group;
    expect(chain(bare.sequence)).toHaveLength(DEPTH);
    expect(deepest.children.map((c) => c.kind)).toEqual(['step']);
    expect(chain(doc.sequence).at(-1)?.children.map((c) => c.kind)).toEqual(['text', 'step', 'text']);
  });

  it('fromModelJson checks deep JSON (as parsed, not made by toModelJson) and names a problem at the bottom by its path', () => {
    const node = (kind: string, extra: string) => `{"kind":"${kind}","tag":"group","attributes":{${extra}},"children":[`;
    const json = (bottom: string) =>
      '{"format":"cmts.task-sequence","version":1,"container":"sequence","encoding":{"encoding":"utf-8","bom":false},"properties":{},' +
      `"sequence":{"kind":"sequence","tag":"sequence","attributes":{},"children":[${node('group', '').repeat(DEPTH)}${bottom}${']}'.repeat(DEPTH)}]}}`;
    const good: unknown = JSON.parse(json(''));
    expect(fromModelJson(good)).toBe(good);
    const bad: unknown = JSON.parse(json(`{"kind":"group","tag":"group","attributes":{"n":5},"children":[]}`));
    const e = (() => {
      try {
        fromModelJson(bad);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(TaskSequenceError);
    expect((e as TaskSequenceError).code).toBe('NOT_A_TASK_SEQUENCE');
    expect((e as TaskSequenceError).message).toContain(`sequence${'.children.0'.repeat(DEPTH + 1)}.attributes.n: must be string`);
  });

  it('sequenceToXml prints the deep sequence as it was read', () => {
    expect(sequenceToXml(read().sequence)).toBe(text);
  });

  it('describeCondition says every nested operator, innermost last', () => {
    const said = describeCondition(conditionOf(conditionGroup(read().sequence))!);
    const expected = Array.from({ length: DEPTH }, (_, i) => `not (V${i} = "1" and `).join('') + 'X = "1"' + ')'.repeat(DEPTH);
    expect(said).toBe(expected);
  });

  it("a group's usage reads every variable of its deep condition", () => {
    const reads = itemUsage(conditionGroup(read().sequence)).reads;
    expect(reads).toHaveLength(DEPTH + 1);
    expect(new Set(reads)).toEqual(new Set([...Array.from({ length: DEPTH }, (_, i) => `V${i}`), 'X']));
  });

  it('reindent moves every line break of a deep subtree in and back out', () => {
    const doc = read();
    const top = chain(doc.sequence)[0] as Group;
    reindent(top, '  ');
    const moved = writeTaskSequenceText(doc);
    expect(moved.match(/\n {2}</g)).toHaveLength(2 * DEPTH);
    reindent(top, '  ', true);
    expect(writeTaskSequenceText(doc)).toBe(text);
  });

  it('copyItem copies the deep group, and the copy, put back, writes the same text', () => {
    const doc = read();
    const deep = doc.sequence.children.find((c) => c.kind === 'group') as Group;
    const copy = copyItem(deep);
    expect(copy === deep).toBe(false);
    const at = doc.sequence.children.indexOf(deep);
    doc.sequence.children[at] = copy;
    expect(writeTaskSequenceText(doc)).toBe(text);
  });

  it('the KB977203 preset copies a deep Setup condition onto each step it adds', () => {
    const setup =
      '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0">' +
      `${condition}<action>OSDSetupWindows.exe</action><defaultVarList>` +
      '<variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable>' +
      '<variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
    const doc = readTaskSequence(`<sequence version="3.00">${setup}</sequence>`, { maxDepth: DEPTH + 20 });
    expect(applyKb977203(doc, { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' }).changed).toBe(true);
    const steps = doc.sequence.children.filter((c) => c.kind === 'step');
    expect(steps).toHaveLength(3);
    // The Setup step's condition, and a copy on each added step: every nested operator three times over.
    expect(writeTaskSequenceText(doc).match(/<operator type="not">/g)).toHaveLength(3 * DEPTH);
  });
});

/**
 * The problems of ajv's one call on `doc` (expected) and of validateModelJson (got), each `path keyword message`, less
 * ajv's "must match then" (`if`) at each ancestor of a bad node; both checks must refuse `doc`.
 */
function bothChecks(doc: unknown): { expected: string[]; got: string[] } {
  const whole = validatorFor('task-sequence.schema.json');
  const problems = (errors: typeof whole.errors) => (errors ?? []).filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath} ${e.keyword} ${e.message ?? ''}`);
  expect(whole(doc)).toBe(false);
  // Read before validateModelJson runs: it uses the same compiled validator, whose errors the next call replaces.
  const expected = problems(whole.errors);
  expect(validateModelJson(doc)).toBe(false);
  return { expected, got: problems(validateModelJson.errors) };
}

describe('the check of a large model, a node at a time, finds what the one-call check finds', () => {
  // More than 2,000 nodes: checked a node at a time (with its children where one call can check them), so that ajv's
  // problems cannot pile up past a bound; few enough problems here for the one call to compare with.
  it('reports the same problems at the same paths, in the same order, and stops at 1,000', () => {
    const step = (i: number) => ({ kind: 'step', tag: 'step', attributes: { type: 'SMS_TaskSequence_RunCommandLineAction', name: `s${i}` }, children: [] as unknown[] });
    const groups = Array.from({ length: 1500 }, (_, i) => ({ kind: 'group', tag: 'group', attributes: { name: `g${i}` }, children: [step(i)] as unknown[] }));
    (groups[3] as Record<string, unknown>).extra = 1;
    (groups[700]?.children[0] as { attributes: Record<string, unknown> }).attributes.a = 5;
    groups[1200]?.children.push(7, { kind: 'action', tag: 'action', attributes: {} });
    const root = { kind: 'sequence', tag: 'sequence', attributes: { version: '3.00' }, children: [...groups, 'x'] as unknown[] };
    const doc = { format: 'cmts.task-sequence', version: 1, container: 'sequence', encoding: { encoding: 'utf-8', bom: false }, properties: {}, sequence: root };
    const { expected, got } = bothChecks(doc);
    expect(expected.length).toBeGreaterThan(5);
    expect(got).toEqual(expected);
    expect(validateModelJson.stopped).toBe(false);
    // Every group wrong: the check stops once it has 1,000 of ajv's problems, and says it did.
    for (const g of groups) g.children.push(1);
    expect(validateModelJson(doc)).toBe(false);
    expect(validateModelJson.stopped).toBe(true);
    expect(validateModelJson.errors?.length).toBeLessThan(1100);
    expect(() => fromModelJson(doc)).toThrow(/the check stopped there, with values left unchecked/);
  });
});

describe('the deep JSON check finds what the one-call check finds', () => {
  // Deep enough to be checked node by node, shallow enough for ajv's one call to compare with.
  const depth = 300;
  const group = (i: number): Record<string, unknown> & { children: unknown[] } => ({ kind: 'group', tag: 'group', attributes: { name: `g${i}` }, children: [] });

  it('reports the same problems at the same paths, in the same order (less ajv\'s "must match then" at each ancestor)', () => {
    const root = { kind: 'sequence', tag: 'sequence', attributes: { version: '3.00' }, children: [] as unknown[] };
    const levels: Array<{ children: unknown[] } & Record<string, unknown>> = [root];
    for (let i = 0; i < depth; i++) {
      const g = group(i);
      (levels.at(-1) as { children: unknown[] }).children.push({ kind: 'text', value: '\n' }, g);
      levels.push(g);
    }
    const at = (i: number) => levels[i] as Record<string, unknown> & { children: unknown[]; attributes: Record<string, unknown> };
    at(2).children.push({ kind: 'action', tag: 'action', attributes: {}, value: 'v', children: [] });
    at(100).extra = 1;
    at(150).children.unshift({ kind: 'step', tag: 'step', attributes: {}, children: [{ kind: 'variable', tag: 'variable', attributes: {}, value: 3 }] });
    at(200).attributes.a = 5;
    at(250).children.push(7, { kind: 'action', tag: 'action', attributes: {} });
    // The sequence's children are nodes whatever its own kind says.
    root.kind = 'group';
    // Below an unknown kind neither check looks: the node's kind names no rule for its children.
    at(280).kind = 'grop';
    at(281).attributes.b = 6;
    (at(depth) as Record<string, unknown>).children = 'no';
    const doc = { format: 'cmts.task-sequence', version: 1, container: 'sequence', encoding: { encoding: 'utf-8', bom: false }, properties: {}, extra: true, sequence: root };
    const { expected, got } = bothChecks(doc);
    expect(expected.length).toBeGreaterThan(20);
    expect(got).toEqual(expected);
  });
});

// The walks above give what their recursive forms gave; these compare them with the recursive oracles at ordinary
// depths (JSON's own copy, a reviver that drops layout, the words of a condition of every shape).
describe('the iterative walks give what the recursive ones gave', () => {
  const inputs = () => [...corpusFiles().filter((f) => !f.name.includes('.not-well-formed.')), ...fixtureFiles()];

  it('toModelJson is the JSON round trip of the tree, key for key in the same order; without layout, less each whitespace-only text', () => {
    const dropLayout = (_key: string, v: unknown) =>
      Array.isArray(v) ? v.filter((n: { kind?: unknown; value?: unknown }) => !(n.kind === 'text' && typeof n.value === 'string' && n.value.trim() === '')) : v;
    let checked = 0;
    for (const { bytes } of inputs()) {
      let doc;
      try {
        doc = readTaskSequence(bytes);
      } catch {
        continue; // inputs the reader refuses by design (their own tests say so)
      }
      const json = JSON.stringify(doc.sequence);
      expect(JSON.stringify(toModelJson(doc, { whitespace: true }).sequence)).toBe(json);
      expect(JSON.stringify(toModelJson(doc).sequence)).toBe(JSON.stringify(JSON.parse(json, dropLayout)));
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('the copy keeps an attribute named __proto__ as an own property, as JSON does', () => {
    const doc = readTaskSequence('<sequence version="3.00"><group name="g" __proto__="p"/></sequence>');
    const copy = toModelJson(doc).sequence.children[0] as Group;
    expect(Object.keys(copy.attributes)).toEqual(['name', '__proto__']);
    expect(Object.getPrototypeOf(copy.attributes)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(doc.sequence.children[0]));
  });

  it('describeCondition words every shape of operator as before: nested, single, empty, not over several', () => {
    const e = (v: string) => expression(v).replace('<variable name="Value">1</variable>', `<variable name="Value">${v.toLowerCase()}</variable>`);
    const said = (c: string) => describeCondition(conditionOf(conditionGroup(readTaskSequence(`<sequence version="3.00"><group name="x"/><group name="c">${c}</group></sequence>`).sequence))!);
    expect(
      said(
        `<condition><operator type="or">${e('A')}<operator type="and">${e('B')}<operator type="not">${e('C')}${e('D')}</operator></operator>` +
          `<operator type="and">${e('E')}</operator><operator type="or"></operator><operator type="not"></operator></operator>${e('F')}</condition>`,
      ),
    ).toBe('(A = "a" or (B = "b" and not (C = "c" and D = "d")) or E = "e" or  or not ()) and F = "f"');
    expect(said(`<condition><operator type="and">${e('A')}<operator type="or">${e('B')}${e('C')}</operator></operator></condition>`)).toBe('A = "a" and (B = "b" or C = "c")');
  });
});
