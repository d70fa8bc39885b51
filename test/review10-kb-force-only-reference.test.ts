// --force replacing the CCMCertFix package of an object.xml whose References array lists only the old package: the
// array must then list the new package (and ReferencesCount stay 1), not be left empty while the sequence's
// referenceList names the new one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, readTaskSequence, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', scenario: 'replace-restore', force: true, clientVersion: 'sp2', drive: 'C:' };
const CERTFIX =
  '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" description="" runIn="FullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>smsswd.exe /pkg:ABC00020 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00020</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';

/** The object.xml fixture with one References entry, the old CCMCertFix package, wired by hand after Setup. */
function input(): string {
  const fixture = readFileSync(join(FIXTURES_DIR, 'kb977203', 'object-xml-references-array-kept-in-step', 'input.xml'), 'utf8');
  const objects = /( *<VALUE\.OBJECT>[\s\S]*?<\/VALUE\.OBJECT>\n)( *<VALUE\.OBJECT>[\s\S]*?<\/VALUE\.OBJECT>\n)/.exec(fixture);
  if (!objects) throw new Error('fixture changed');
  const text = fixture
    .replace(objects[0], (objects[1] as string).replace('<VALUE>ABC00002</VALUE>', '<VALUE>ABC00020</VALUE>'))
    .replace(/(NAME="ReferencesCount"[^>]*>\s*<VALUE>)2</, '$11<')
    .replace('<VALUE></VALUE>', '<VALUE>ABC00020;;CCMCertFix</VALUE>')
    .replace('<referenceList><reference package="ABC00002"/><reference package="ABC00005"/></referenceList>', '<referenceList><reference package="ABC00020"/></referenceList>')
    .replace('</step><step type="SMS_TaskSequence_RestoreUserStateAction"', `</step>${CERTFIX}<step type="SMS_TaskSequence_RestoreUserStateAction"`);
  expect(text.match(/<VALUE\.OBJECT>/g)).toHaveLength(1);
  return text;
}

const packagesOf = (text: string) => [...text.matchAll(/NAME="Package"[^>]*>\s*<QUALIFIER[\s\S]*?<\/QUALIFIER>\s*<VALUE>([^<]*)</g)].map((m) => m[1]);

describe('--force swapping the CCMCertFix package listed alone in References', () => {
  it('the References array lists the new package instead of the old, counted once', () => {
    const source = input();
    expect(packagesOf(source)).toEqual(['ABC00020']);
    const doc = readTaskSequence(source);
    const report = applyKb977203(doc, O);
    expect(checkKb977203(readTaskSequence(source), O)).toEqual(report);
    const out = Buffer.from(writeTaskSequence(doc)).toString('utf8');
    expect(out).toContain('<referenceList><reference package="ABC00010"/></referenceList>');
    expect(packagesOf(out)).toEqual(['ABC00010']);
    expect(out).toMatch(/NAME="ReferencesCount"[^>]*>\s*<VALUE>1</);
    // Laid out as the entry it replaces was.
    expect(out.replace(/ABC00010/g, 'ABC00020')).toContain(/ *<VALUE\.OBJECT>[\s\S]*?<\/VALUE\.OBJECT>\n/.exec(source)?.[0]);
    const again = readTaskSequence(out);
    expect(applyKb977203(again, O).changed).toBe(false);
  });
});
