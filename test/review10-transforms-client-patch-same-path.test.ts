// Review of add-client-patch's stepPath: "only the Setup Windows and ConfigMgr step at this path". Two Setup steps of
// one name in one group have one path; the option patched both, the step it meant and the one it could not tell
// apart (another client build, say, under another condition), and reported two changes with the same `where`.
import { describe, expect, it } from 'vitest';
import { applyTransform, checkTransform, readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const setup = (build: string) => `    <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0">
      <action>OSDSetupWindows.exe</action>
      <defaultVarList>
        <variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01 BUILD=${build}</variable>
        <variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable>
      </defaultVarList>
    </step>`;

const xml = `<sequence version="3.00">
  <group name="Install">
${setup('x86')}
${setup('x64')}
  </group>
  <group name="Other">
${setup('other')}
  </group>
</sequence>`;

const msp = 'C:\\hotfix\\KB977203\\a.msp';

describe('add-client-patch: a stepPath two Setup steps share', () => {
  it('is refused before any edit, saying how many steps have the path', () => {
    const doc = readTaskSequence(xml);
    const e = thrown(() => applyTransform('add-client-patch', doc, { msp, stepPath: 'Install/Setup Windows and ConfigMgr' }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('2 Setup Windows and ConfigMgr steps');
    expect(doc.toString()).toBe(xml);
    expect(thrown(() => checkTransform('add-client-patch', doc, { msp, stepPath: 'Install/Setup Windows and ConfigMgr' })).code).toBe('INVALID_ARGUMENT');
  });

  it('a path one Setup step has still patches that step alone', () => {
    const doc = readTaskSequence(xml);
    const report = applyTransform('add-client-patch', doc, { msp, stepPath: 'Other/Setup Windows and ConfigMgr' });
    expect(report.changes.map((c) => c.where)).toEqual(['Other/Setup Windows and ConfigMgr']);
  });
});
