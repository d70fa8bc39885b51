// addPatch (cmts/model) spliced whatever it was given into the installation properties: an .msp path with a double
// quote closed the PATCH list early (`PATCH="a"b.msp"`, a quote left open for the rest of the line), one with a `;`
// became two paths, null became the path "null", and properties with PATCH twice got the path added to the first,
// which Windows Installer may not take. The add-client-patch transform refused all of these before calling it; a script
// calling addPatch itself got a broken string back without a word. Now refused, the text left to the caller as it was.
import { describe, expect, it } from 'vitest';
import { addPatch, patchList } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

describe('addPatch given what no PATCH list can hold', () => {
  it('refuses an .msp path or properties it cannot add to safely', () => {
    const cases: [string, unknown, unknown, unknown, string, RegExp][] = [
      ['a quote in the path', 'SMSMP=x', 'C:\\a"b.msp', undefined, 'INVALID_ARGUMENT', /^addPatch takes an \.msp path with no double quote or ";"/],
      ['a ; in the path', 'SMSMP=x', 'C:\\a.msp;C:\\b.msp', undefined, 'INVALID_ARGUMENT', /no double quote or ";"/],
      ['an empty path', '', '  ', undefined, 'INVALID_ARGUMENT', /^addPatch takes an \.msp path/],
      ['null as the path', 'SMSMP=x', null, undefined, 'INVALID_ARGUMENT', /^addPatch takes an \.msp path.*given null/],
      ['null as the properties', null, 'C:\\a.msp', undefined, 'INVALID_ARGUMENT', /^addPatch takes the installation properties as a string.*given null/],
      ['coveredBy that is no list of strings', '', 'C:\\a.msp', 'KB1', 'INVALID_ARGUMENT', /^addPatch takes coveredBy as a list of strings/],
      ['PATCH twice', 'PATCH="C:\\a.msp" PATCH="C:\\b.msp"', 'C:\\c.msp', undefined, 'INSTALL_PROPERTIES_INVALID', /PATCH twice/],
      ['a quote never closed', 'SMSMP="x PATCH="C:\\a.msp"', 'C:\\c.msp', undefined, 'INSTALL_PROPERTIES_INVALID', /never closed/],
    ];
    for (const [label, text, msp, coveredBy, code, message] of cases) {
      const e = thrown(() => addPatch(text as never, msp as never, coveredBy as never));
      expect(e.code, label).toBe(code);
      expect(e.message, label).toMatch(message);
    }
  });

  it('still adds, finds present and covered paths as before', () => {
    expect(addPatch('SMSMP=x', 'C:\\a b.msp')).toEqual({ status: 'added', value: 'SMSMP=x PATCH="C:\\a b.msp"' });
    expect(addPatch('PATCH="C:\\a.msp"', 'C:\\b.msp')).toEqual({ status: 'added', value: 'PATCH="C:\\a.msp;C:\\b.msp"' });
    expect(addPatch('PATCH="C:\\A.msp"', 'c:\\a.MSP').status).toBe('present');
    expect(addPatch('PATCH="C:\\KB2.msp"', 'C:\\KB1.msp', ['kb2'])).toEqual({ status: 'covered', value: 'PATCH="C:\\KB2.msp"', by: 'C:\\KB2.msp' });
    expect(patchList(addPatch('', 'C:\\a.msp').value)).toEqual(['C:\\a.msp']);
  });
});
