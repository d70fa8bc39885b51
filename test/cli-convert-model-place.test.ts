// convert --to xml said a JSON model's schema refusal with no place (`m.json: NOT_A_TASK_SEQUENCE …`), though build
// places a YAML text's at its key and --options/--config files are placed too: it is now placed at the key (or the
// array element) at fault, with the helper that places an options file's refusal.
import { describe, expect, it } from 'vitest';
import { TaskSequenceError } from '../lib/errors.js';
import { placeInJson } from '../lib/cli/json-place.js';
import { main } from '../lib/cli/main.js';
import { fromModelJson } from '../lib/model/json.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';
import { placeOf } from './helpers/text-place.js';

const model = (container = 'sequence') => ({
  format: 'cmts.task-sequence',
  version: 1,
  container,
  encoding: { encoding: 'utf-8', bom: false },
  properties: {} as Record<string, unknown>,
  sequence: {
    kind: 'sequence',
    tag: 'sequence',
    attributes: { version: '3.10' },
    children: [
      { kind: 'group', tag: 'group', attributes: { name: 'G' }, children: [{ kind: 'step', tag: 'step', attributes: { name: 'S', type: 'SMS_TaskSequence_RunCommandLineAction' } as Record<string, unknown>, children: [] }] },
    ],
  },
});

/** What `cmts convert m.json --to xml` printed on standard error for the model `value`, written as JSON.stringify indents it. */
async function refusal(value: unknown): Promise<{ stderr: string; text: string }> {
  const text = JSON.stringify(value, null, 2);
  const m = memoryIo({ 'm.json': text });
  expect(await main(['convert', 'm.json', '--to', 'xml', '-o', 'out.xml'], m.io)).toBe(1);
  expect(m.writes).toEqual([]);
  return { stderr: m.stderr, text };
}


describe('convert --to xml places a JSON model\'s refusal in the file', () => {
  it('a value of the wrong type, at its key', async () => {
    const value = model();
    (value.sequence.children[0] as { children: { attributes: Record<string, unknown> }[] }).children[0]!.attributes.name = 5;
    const { stderr, text } = await refusal(value);
    expect(stderr).toContain(`cmts convert: m.json:${placeOf(text, '"name": 5')}: NOT_A_TASK_SEQUENCE The values of the task sequence JSON are invalid: sequence.children.0.children.0.attributes.name: must be string.`);
  });

  it('a constant, an allowed value and a key the model has not, each at its key', async () => {
    const version = { ...model(), version: 99 };
    const r1 = await refusal(version);
    expect(r1.stderr).toMatch(new RegExp(`^cmts convert: m\\.json:${placeOf(r1.text, '"version"')}: NOT_A_TASK_SEQUENCE .*version: `, 'm'));
    const container = model('zz');
    const r2 = await refusal(container);
    expect(r2.stderr).toMatch(new RegExp(`^cmts convert: m\\.json:${placeOf(r2.text, '"container"')}: NOT_A_TASK_SEQUENCE `, 'm'));
    const extra = { ...model(), extra: true };
    const r3 = await refusal(extra);
    expect(r3.stderr).toMatch(new RegExp(`^cmts convert: m\\.json:${placeOf(r3.text, '"extra"')}: NOT_A_TASK_SEQUENCE `, 'm'));
  });

  it('a child that is no node, at its element of the array', async () => {
    const value = model();
    (value.sequence.children as unknown[]).push(7);
    const { stderr, text } = await refusal(value);
    expect(stderr).toMatch(new RegExp(`^cmts convert: m\\.json:${placeOf(text, '7\n')}: NOT_A_TASK_SEQUENCE .*sequence\\.children\\.1`, 'm'));
  });

  it('a name that is no XML name (past the schema), at the name', async () => {
    const attribute = model();
    (attribute.sequence.children[0] as { attributes: Record<string, unknown> }).attributes['a b'] = 'x';
    const r1 = await refusal(attribute);
    expect(r1.stderr).toMatch(new RegExp(`^cmts convert: m\\.json:${placeOf(r1.text, '"a b"')}: NOT_A_TASK_SEQUENCE .*"a b" is not an XML name`, 'm'));
    const tag = model();
    (tag.sequence.children[0] as { tag: string }).tag = 'no name';
    const r2 = await refusal(tag);
    expect(r2.stderr).toMatch(new RegExp(`^cmts convert: m\\.json:${placeOf(r2.text, '"tag"', 1)}: NOT_A_TASK_SEQUENCE `, 'm'));
    const property = model('sms-package');
    property.properties = { 'A></A><B': '1' };
    const r3 = await refusal(property);
    expect(r3.stderr).toMatch(new RegExp(`^cmts convert: m\\.json:${placeOf(r3.text, '"A></A><B"')}: NOT_A_TASK_SEQUENCE `, 'm'));
  });

  it('in a model of many nodes with a problem in each, at the first, and each problem an issue', async () => {
    const value = model();
    const many = Array.from({ length: 5_000 }, () => ({ kind: 'step', tag: 'step', attributes: { name: 1 }, children: [] }));
    (value.sequence.children as unknown[]).push(...many);
    const { stderr, text } = await refusal(value);
    expect(stderr).toContain(`m.json:${placeOf(text, '"name": 1')}: NOT_A_TASK_SEQUENCE`);
    const e = thrown(() => fromModelJson(value));
    expect(e.issues.length).toBeGreaterThan(10);
    expect(new Set(e.issues.map((i) => i.code))).toEqual(new Set(['NOT_A_TASK_SEQUENCE']));
  });

  it('the place is the error\'s, so its JSON (a --json record) has line and col', () => {
    const text = JSON.stringify({ ...model(), version: 2 }, null, 2);
    const e = thrown(() => fromModelJson(JSON.parse(text)));
    expect(e).toBeInstanceOf(TaskSequenceError);
    expect(placeInJson(e, text).toJSON()).toMatchObject({ code: 'NOT_A_TASK_SEQUENCE', line: 3, col: 3 });
  });
});
