// applyTransform and checkTransform type their options by the transform's name, as createTransform does (the README
// says a misspelled option does not compile): they took `unknown`, so `{ pakageId }` compiled and failed only at run
// time. Each `@ts-expect-error` below fails the type check (`npm test` runs it first) if the line compiles again.
import { describe, expect, it } from 'vitest';
import { applyTransform, checkTransform, createTransform, readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const XML = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="A"/></sequence>';

describe('transform options are typed by name', () => {
  it('a misspelt option does not compile, and is refused at run time alike by all three', () => {
    const doc = readTaskSequence(XML);
    // @ts-expect-error packageId is misspelt
    expect(thrown(() => applyTransform('add-reference', doc, { pakageId: 'CM100010' })).code).toBe('OPTIONS_INVALID');
    // @ts-expect-error packageId is misspelt
    expect(thrown(() => checkTransform('add-reference', doc, { pakageId: 'CM100010' })).code).toBe('OPTIONS_INVALID');
    // @ts-expect-error packageId is misspelt
    expect(thrown(() => createTransform('add-reference', { pakageId: 'CM100010' })).code).toBe('OPTIONS_INVALID');
    // @ts-expect-error options of another transform
    expect(thrown(() => applyTransform('add-reference', doc, { packageId: 'CM100010', programName: 'CCMCertFix' })).code).toBe('OPTIONS_INVALID');
    expect(doc.toString()).toBe(XML);
  });

  it('options of the right shape compile and apply', () => {
    const doc = readTaskSequence(XML);
    expect(checkTransform('add-reference', doc, { packageId: 'CM100010' }).transform).toBe('add-reference');
    expect(applyTransform('add-reference', doc, { packageId: 'CM100010' }).transform).toBe('add-reference');
  });
});
