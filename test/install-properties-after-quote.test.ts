// A PATCH list whose closing quotation mark is followed by more text with no space (`PATCH="C:\a.msp"FSP=F1`):
// Windows Installer ends a value only at a space or tab outside quotation marks, so it reads one PATCH value that runs
// on into FSP=F1 (the administrator meant two properties: what follows the quotation mark reads as a property). The
// preset rewrote that list, quoting FSP=F1 inside it, and reported the fix in place; it is now refused as the other
// malformed PATCH forms are, with nothing changed (that refusal is tested with theirs, in
// install-properties-separators.test.ts).
import { describe, expect, it } from 'vitest';
import { patchSyntaxProblem } from '../lib/model/install-properties.js';

describe('installation properties: text right after a quoted PATCH value', () => {
  it('is a syntax problem at the PATCH property, naming what follows the quotation mark', () => {
    const text = 'SMSMP=mp01 PATCH="C:\\Hotfix\\KB123456.msp"FSP=F1';
    const problem = patchSyntaxProblem(text);
    expect(problem).toMatchObject({ at: 11, written: 'PATCH="C:\\Hotfix\\KB123456.msp"FSP=F1' });
    expect(problem?.why).toContain('"FSP=F1"');
  });

  it('is no problem when a space follows the quotation mark, or for another property', () => {
    expect(patchSyntaxProblem('PATCH="C:\\a.msp" FSP=F1')).toBeUndefined();
    expect(patchSyntaxProblem('PATCH="C:\\a.msp"')).toBeUndefined();
    // Paths quoted one by one run on into each other as Windows Installer reads them: one list, as meant.
    expect(patchSyntaxProblem('PATCH="C:\\a b\\x.msp";"C:\\y.msp" FSP=F1')).toBeUndefined();
    expect(patchSyntaxProblem('PATCH="C:\\a.msp"FSP=F1')).toBeDefined();
    expect(patchSyntaxProblem('SMSSLP="a"b PATCH="C:\\x.msp"')).toBeUndefined();
  });
});

describe('installation properties: a property after a quotation mark, however it is quoted', () => {
  it('is found after any closing quotation mark of the value, and its own quotes are shown', () => {
    expect(patchSyntaxProblem('PATCH="C:\\a.msp";"C:\\b.msp"FSP="F 1"')?.why).toContain('"FSP=\\"F 1\\""');
    expect(patchSyntaxProblem('PATCH="C:\\a.msp";"C:\\b.msp"')).toBeUndefined();
  });
});
