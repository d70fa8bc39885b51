// One problem shape: reader warnings, transform diagnostics, lint findings and thrown errors are all Issues, typed
// by code, and the JSON output validates against the report schemas.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTransform, readTaskSequence, TaskSequenceError, type Issue, type IssueCode } from '../lib/index.js';
import { lint } from '../lib/api/lint.js';
import { validatorFor } from '../lib/api/schemas.js';
import { isTaskSequenceError, NOTICE_CODES } from '../lib/api/errors.js';
import { thrown } from './helpers/thrown.js';

describe('Issue', () => {
  it('codes are a typed union: error and notice codes, and lower-case lint rule ids', () => {
    expectTypeOf<'XML_MALFORMED'>().toExtend<IssueCode>();
    expectTypeOf<'XML_DECLARATION_NOT_FIRST'>().toExtend<IssueCode>();
    expectTypeOf<'kb977203/patch-quoted'>().toExtend<IssueCode>();
    expectTypeOf<'XML_MALFORMD'>().not.toExtend<IssueCode>();
    // @ts-expect-error -- a misspelled SCREAMING_SNAKE code is neither an error code, a notice code nor a rule id
    const misspelled: Issue = { code: 'ZIP_UNSAFF', severity: 'error', message: '' };
    expect(misspelled.code).toBe('ZIP_UNSAFF');
  });

  it('a thrown error carries its issues: itself first, then each problem behind it, with its file', () => {
    const e = thrown(() => createTransform('add-reference', JSON.parse('{"packageId":"lower","x":1}') as { packageId: string }));
    e.file = 'options.json';
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues[0]).toEqual({ code: 'OPTIONS_INVALID', severity: 'error', message: e.message, file: 'options.json' });
    expect(e.issues.slice(1).map((i) => [i.code, i.file])).toEqual([
      ['OPTIONS_INVALID', 'options.json'],
      ['OPTIONS_INVALID', 'options.json'],
    ]);
    const messages = e.issues.slice(1).map((i) => i.message);
    expect(messages.some((m) => m.startsWith('packageId:'))).toBe(true);
    expect(messages.some((m) => m.includes('(x)'))).toBe(true);
  });

  it('a parse error is an issue with line and column, and its JSON is what the report schemas accept as an error', () => {
    const e = thrown(() => readTaskSequence('<sequence>\n<group>\n</sequence>', { file: 'a.xml' }));
    const json = JSON.parse(JSON.stringify(e)) as Issue;
    expect(json).toMatchObject({ code: 'XML_MALFORMED', severity: 'error', file: 'a.xml', line: 3 });
    expect(validatorFor('lint.report.schema.json')({ results: [{ input: 'a.xml', error: json }], summary: { inputs: 1, failed: 1, errors: 0, warnings: 0 } })).toBe(true);
    expect(validatorFor('kb977203.report.schema.json')({ results: [{ input: 'a.xml', error: json }], summary: { files: 1, changed: 0, notApplicable: 0, failed: 1 } })).toBe(true);
    expect(validatorFor('kb977203.report.schema.json')({ input: 'a.xml', error: json }), 'a bare record is not the report').toBe(false);
  });

  it('lint findings are issues whose code is the rule id, and the lint report schema accepts them', () => {
    const doc = readTaskSequence(
      '<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" continueOnError="true"><action>x</action></step></sequence>',
      { file: 't.xml' },
    );
    const found = lint(doc);
    expect(found).toContainEqual(expect.objectContaining({ code: 'setup-continue-on-error', severity: expect.any(String), file: 't.xml', path: 'Setup' }));
    expect(validatorFor('lint.report.schema.json')({ results: [{ input: 't.xml', diagnostics: found }], summary: { inputs: 1, failed: 0, errors: 0, warnings: 1 } })).toBe(true);
  });

  it('every code a reader or transform reports as a notice is listed with its meaning', () => {
    for (const [code, meaning] of Object.entries(NOTICE_CODES)) expect(meaning, code).toMatch(/\w.*\.$/);
    expect(Object.keys(NOTICE_CODES)).toContain('XML_DECLARATION_NOT_FIRST');
  });

  it('isTaskSequenceError recognises the error also from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), { name: 'TaskSequenceError', code: 'XML_MALFORMED' });
    expect(isTaskSequenceError(foreign)).toBe(true);
    expect(isTaskSequenceError(new TaskSequenceError('IO_ERROR', 'x'))).toBe(true);
    expect(isTaskSequenceError(new Error('x'))).toBe(false);
  });
});
