// The KB977203 preset on lived-in sequences built from a real ConfigMgr 2007-style export of the corpus: a Setup step
// with a condition, disabled, in a disabled group; stale or hand-edited PATCH entries; CCMCertFix run by a Run Command
// Line step; the restart missing or to Windows PE. For each: --check reports what apply does, apply twice is apply
// once, and revert gives back what apply changed. A Current Branch export is refused with a code.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, readTaskSequence, revertKb977203, type Kb977203Options } from './helpers/api.js';
import { corpusText } from './helpers/corpus.js';
import { verdict } from './helpers/thrown.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
// A build-and-capture sequence of version 3.00, published with three comments before its declaration (dropped).
const raw = corpusText('02-windowsadmins-buildcapture-reference.not-well-formed.xml');
// Its Install Application step came with ConfigMgr 2012: taken out, the rest is a 2007 sequence.
const base = raw === undefined ? '' : raw.slice(raw.indexOf('<?xml')).replace(/<step type="SMS_TaskSequence_InstallApplicationAction"[\s\S]*?<\/step>/g, '');
const SETUP_OPEN = /<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"[^>]*>/;
const PROPS = 'SMSMP=SCCM11.ad.org';
const RESTART = /(<step type="SMS_TaskSequence_RebootAction" name="Restart Computer"[^>]*>[\s\S]*?<\/step>)/;
const SETUP = /<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"[\s\S]*?<\/step>/;
const kb = (sp: string, pkg = 'ABC00001', kbn = '977203') => `C:\\_SMSTaskSequence\\OSD\\${pkg}\\i386\\hotfix\\KB${kbn}\\SCCM2007AC-${sp}-KB${kbn}-x86.msp`;
const condition = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">true</variable><variable name="Variable">DoSetup</variable></expression></condition>';
const runCertfix = '<step type="SMS_TaskSequence_RunCommandLineAction" name="CCMCertFix" runIn="FullOS" successCodeList="0"><action>smsswd.exe /run: CCMCertFix.exe</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">CCMCertFix.exe</variable></defaultVarList></step>';

const variants: [string, (s: string) => string][] = [
  ['as published', (s) => s],
  ['Setup with a condition', (s) => s.replace(SETUP_OPEN, (m) => `${m}${condition}`)],
  ['Setup disabled', (s) => s.replace(SETUP_OPEN, (m) => m.replace('<step ', '<step disable="true" '))],
  ['Setup with a condition, disabled, in a disabled group', (s) => s.replace(SETUP, (m) => `<group name="Old" disable="true">${m.replace('<step ', '<step disable="true" ').replace(/^<step[^>]*>/, (o) => `${o}${condition}`)}</group>`)],
  ["another KB's .msp in PATCH", (s) => s.replace(PROPS, `${PROPS} PATCH="${kb('SP2', 'ABC00001', '123456')}"`)],
  ['the SP1 .msp when SP2 is asked', (s) => s.replace(PROPS, `${PROPS} PATCH="${kb('SP1')}"`)],
  ['PATCH in lower case, the path in other case', (s) => s.replace(PROPS, `${PROPS} patch="${kb('SP2').toLowerCase()}"`)],
  ['PATCH unquoted', (s) => s.replace(PROPS, `${PROPS} PATCH=${kb('SP2', 'ABC00001', '123456')}`)],
  ['two entries separated by ;', (s) => s.replace(PROPS, `${PROPS} PATCH="${kb('SP2', 'ABC00001', '123456')};${kb('SP1')}"`)],
  ['the same KB977203 entry twice', (s) => s.replace(PROPS, `${PROPS} PATCH="${kb('SP2')};${kb('SP2')}"`)],
  ['a stale entry of another package', (s) => s.replace(PROPS, `${PROPS} PATCH="${kb('SP2', 'ABC00099')}"`)],
  ['CCMCertFix run by a Run Command Line step', (s) => s.replace(SETUP, (m) => `${m}${runCertfix}`)],
  ['the restart after Setup removed', (s) => s.replace(RESTART, '')],
  ['the restart after Setup to Windows PE', (s) => s.replace(RESTART, (m) => m.replace(/\/target:HD/, '/target:WinPE'))],
];

describe.skipIf(raw === undefined)('KB977203 on lived-in sequences from the corpus', () => {
  it.each(variants)('%s: check agrees, apply twice is apply once, revert gives the bytes back', (_, edit) => {
    const xml = edit(base);
    expect(xml).not.toBe(raw);
    const checked = checkKb977203(readTaskSequence(xml), O);
    const doc = readTaskSequence(xml);
    const applied = applyKb977203(doc, O);
    expect(applied).toEqual(checked);
    expect(applied.changed).toBe(true);
    const once = doc.toString();
    const again = applyKb977203(doc, O);
    expect(again.changed).toBe(false);
    expect(doc.toString()).toBe(once);
    expect(checkKb977203(readTaskSequence(once), O).changed).toBe(false);
    // One PATCH property, one KB977203 entry in it.
    const props = /ClientInstallProperties">([^<]*)</.exec(once)?.[1] ?? '';
    expect(props.match(/\bPATCH=/gi)?.length).toBe(1);
    expect(props.match(/KB977203-x86\.msp/gi)?.length).toBe(1);
    const back = readTaskSequence(once);
    revertKb977203(back, O);
    if (!/PATCH/i.test(xml)) expect(back.toString()).toBe(xml);
    else expect(checkKb977203(back, O).changed).toBe(true);
  });

  it('a Current Branch export is refused with a code', () => {
    const cb = corpusText('03-forevanyeung-cb-export-object.xml') as string;
    expect(verdict(() => applyKb977203(readTaskSequence(cb), O))).toBe('NOT_CONFIGMGR_2007');
    expect(verdict(() => checkKb977203(readTaskSequence(cb), O))).toBe('NOT_CONFIGMGR_2007');
    const hub = corpusText('09-mshub-win10-build-capture.xml') as string;
    expect(verdict(() => applyKb977203(readTaskSequence(hub), O))).toBe('NOT_CONFIGMGR_2007');
  });
});
