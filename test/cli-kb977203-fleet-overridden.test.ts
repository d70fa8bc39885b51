// The fleet report (--report) said "already in place" of a sequence whose Setup PATCH a Set Task Sequence Variable
// step or a global variable overrides with a value without the fix (KB977203_PROPERTIES_OVERRIDDEN): the hotfix is not
// installed, --check failed the run and its table said "needs attention", yet a spreadsheet filtered on the status
// counted it done. Such a row now says "needs attention", in every mode but --revert, and the table agrees.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { applyKb977203, readTaskSequence, validatorFor, writeTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const ARGS = ['--certfix-package', 'ABC00010', '--client-version', 'sp2', '--drive', 'C:'];
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const SET =
  '<step type="SMS_TaskSequence_SetVariableAction" name="Client properties" description="" runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe</action><defaultVarList><variable name="VariableName" property="VariableName">SMSClientInstallProperties</variable><variable name="VariableValue" property="VariableValue">SMSSLP=SLP01</variable></defaultVarList></step>';
const GLOBALS = '<globalVarList><variable name="smsclientinstallproperties" property="">SMSSLP=SLP01</variable></globalVarList>';
/** The sequence as the preset leaves it: nothing more to change in the file. */
const patched = (items: string, globals = '') => {
  const doc = readTaskSequence(`<sequence version="3.00">${globals}<group name="Install" description="">${items}</group></sequence>\n`);
  applyKb977203(doc, { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' });
  return Buffer.from(writeTaskSequence(doc));
};
const FILES = { 'in/global.xml': patched(SETUP, GLOBALS), 'in/ok.xml': patched(SETUP), 'in/step.xml': patched(SET + SETUP) };

type Fleet = { rows: { file: string; status: string; reason: string }[]; summary: Record<string, number> };

describe('cmts kb977203 --report: Setup PATCH overridden without the fix', () => {
  for (const mode of [['--check'], ['--dry-run'], ['--out-dir', 'out']]) {
    it(`says "needs attention" with ${mode[0]}, in the report and the table`, async () => {
      const m = memoryIo(FILES);
      const code = await main(['kb977203', 'in', ...mode, '--report', 'fleet.json', ...ARGS], m.io);
      expect(code).toBe(mode[0] === '--check' ? 1 : 0);
      const report = JSON.parse(Buffer.from(m.fs.get('fleet.json')!).toString('utf8')) as Fleet;
      expect(validatorFor('kb977203.fleet.schema.json')(report)).toBe(true);
      expect(report.rows.map((r) => [r.file, r.status])).toEqual([['in/global.xml', 'needs attention'], ['in/ok.xml', 'already in place'], ['in/step.xml', 'needs attention']]);
      expect(report.rows[0]?.reason).toContain('KB977203_PROPERTIES_OVERRIDDEN');
      expect(report.summary).toEqual({ 'needs attention': 2, 'already in place': 1 });
      expect(m.stderr).toMatch(/in\/step\.xml\s+needs attention/);
      expect(m.stderr).toMatch(/in\/ok\.xml\s+in place/);
    });
  }

  it('the CSV report says the same', async () => {
    const m = memoryIo(FILES);
    expect(await main(['kb977203', 'in', '--check', '--report', 'fleet.csv', ...ARGS], m.io)).toBe(1);
    const csv = Buffer.from(m.fs.get('fleet.csv')!).toString('utf8');
    expect(csv.split('\r\n').filter((l) => l.startsWith('in/')).map((l) => l.split(',').slice(0, 5).join(','))).toEqual(['in/global.xml,,,sequence,needs attention', 'in/ok.xml,,,sequence,already in place', 'in/step.xml,,,sequence,needs attention']);
  });
});
