// A value that is not the one constant the schema allows was said in ajv's words, `version: must be equal to
// constant`, naming neither the constant nor the value given; an enum's problem names both. A constant's now does too.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { fromModelJson } from '../lib/model/json.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const model = { format: 'cmts.task-sequence', version: 1, container: 'sequence', encoding: { encoding: 'utf-8', bom: false }, properties: {}, sequence: { kind: 'sequence', tag: 'sequence', attributes: {}, children: [] } };

/** The problems fromModelJson names for the model with `change` made. */
const problems = (change: Record<string, unknown>) => thrown(() => fromModelJson({ ...model, ...change })).issues.slice(1).map((i) => i.message);

describe('a constant the schema asks for is named, with what was given', () => {
  it('a number, a string and a node\'s kind', () => {
    expect(problems({ version: 99 })).toEqual(['version: must be 1 (got 99)']);
    expect(problems({ format: 'cmts' })).toEqual(['format: must be "cmts.task-sequence" (got "cmts")']);
    expect(problems({ sequence: { ...model.sequence, tag: 'seq' } })).toEqual(['sequence.tag: must be "sequence" (got "seq")']);
    expect(problems({ version: '1' })).toEqual(['version: must be 1 (got "1")']);
  });

  it('a value given is cut as other values are', () => {
    const [message] = problems({ format: 'x'.repeat(1000) });
    expect(message).toBe(`format: must be "cmts.task-sequence" (got "${'x'.repeat(40)}…" (1000 characters))`);
  });

  it('an enum says its values and the value given, as before', () => {
    expect(problems({ container: 'zz' })).toEqual(['container: must be equal to one of the allowed values: sequence, sms-package, cim-instance (got "zz")']);
  });

  it('convert --to xml says it so', async () => {
    const m = memoryIo({ 'm.json': JSON.stringify({ ...model, version: 99 }, null, 2) });
    expect(await main(['convert', 'm.json', '--to', 'xml'], m.io)).toBe(1);
    expect(m.stderr).toBe('cmts convert: m.json:3:3: NOT_A_TASK_SEQUENCE The values of the task sequence JSON are invalid: version: must be 1 (got 99).\n');
  });
});
