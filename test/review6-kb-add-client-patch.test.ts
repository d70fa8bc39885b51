// add-client-patch, the building block the preset's Part A is documented to be made of, refuses what the preset
// refuses: an .msp path longer than Windows' MAX_PATH (259 characters), and a Setup step whose installation
// properties variable is there twice.
import { describe, expect, it } from 'vitest';
import { applyTransform, readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const SETUP = (vars: string) =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList>${vars}<variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>`;
const PROPS = (value: string) => `<variable name="SMSClientInstallProperties" property="ClientInstallProperties">${value}</variable>`;
const msp = (length: number) => `\\\\server\\share\\${'x'.repeat(length - '\\\\server\\share\\'.length - '.msp'.length)}.msp`;

describe('add-client-patch', () => {
  it('refuses an .msp path of 260 characters, and writes one of 259', () => {
    const input = SETUP(PROPS('SMSSLP=SLP01'));
    const e = thrown(() => applyTransform('add-client-patch', readTaskSequence(input), { msp: msp(260) }));
    expect(e.code).toBe('PATCH_PATH_TOO_LONG');
    expect(e.message).toMatch(/260 characters long, more than the 259 Windows' MAX_PATH allows/);
    const doc = readTaskSequence(input);
    expect(applyTransform('add-client-patch', doc, { msp: msp(259) }).changed).toBe(true);
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toContain(`PATCH="${msp(259)}"`);
  });

  it('refuses a Setup step with its installation properties twice, before any edit', () => {
    const input = SETUP(PROPS('SMSSLP=SLP01') + PROPS('SMSSLP=SLP02'));
    const doc = readTaskSequence(input);
    const e = thrown(() => applyTransform('add-client-patch', doc, { msp: 'C:\\a.msp' }));
    expect(e.code).toBe('INSTALL_PROPERTIES_INVALID');
    expect(e.message).toMatch(/2 times \("SMSSLP=SLP01", "SMSSLP=SLP02"\)/);
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(input);
  });
});
