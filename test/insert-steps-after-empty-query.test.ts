// insert-steps-after with an empty `after` query: a query of no type, name or path matched every step, so one
// options file with `"after": {}` (a field left out, or a script whose variables were all undefined) inserted its
// steps after every step of the sequence. The schema now asks for at least one of them, and the refusal says why in
// the schema's words, before any document is touched.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { createTransform, insertStepsAfter, readTaskSequence, type StepQuery, writeTaskSequenceText } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const TS = '<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="A"><action>cmd /c a</action></step><step type="SMS_TaskSequence_RunCommandLineAction" name="B"><action>cmd /c b</action></step></sequence>';
const STEPS = [{ type: 'restart-computer' as const, name: 'Restart' }];

describe('insert-steps-after: an empty after query', () => {
  it('is refused by the factory and by createTransform, in words that say what to give', () => {
    // The second is what a JavaScript caller whose variables were all undefined passes (the types forbid it).
    for (const after of [{}, { type: undefined, name: undefined, path: undefined } as unknown as StepQuery]) {
      for (const make of [() => insertStepsAfter({ after, steps: STEPS }), () => createTransform('insert-steps-after', { after, steps: STEPS })]) {
        const e = thrown(make);
        expect(e.code).toBe('OPTIONS_INVALID');
        expect(e.message).toContain('after: ');
        expect(e.message).toContain('At least one of type, name and path');
        expect(e.message).not.toContain('fewer than 1 properties');
      }
    }
  });

  it('a query of one field still inserts after exactly the steps it matches', () => {
    const doc = readTaskSequence(TS);
    doc.apply(insertStepsAfter({ after: { name: 'B' }, steps: STEPS }));
    const text = writeTaskSequenceText(doc);
    expect(text.match(/name="Restart"/g)).toHaveLength(1);
    expect(text.indexOf('name="Restart"')).toBeGreaterThan(text.indexOf('name="B"'));
  });

  it('cmts transform refuses the options file before any input and writes nothing', async () => {
    const m = memoryIo({ 'a.xml': TS, 'opt.json': JSON.stringify({ after: {}, steps: STEPS }) });
    expect(await main(['transform', 'insert-steps-after', 'a.xml', '--options', 'opt.json', '--in-place'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/^cmts transform: opt\.json:\d+:\d+: OPTIONS_INVALID /);
    expect(m.stderr).toContain('At least one of type, name and path');
    expect(m.writes).toEqual([]);
  });
});
