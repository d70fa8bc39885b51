// add-client-patch (and addPatch under it) appends to a PATCH="…" list as written, as the KB977203 preset does: the
// administrator's spacing and spelling of the other entries stay, and only `;<path>` is added. Before, the whole list
// was written anew (`PATCH="a.msp; b.msp"` came back as `PATCH="a.msp;b.msp;new.msp"`), an edit of text the
// transform had no reason to touch.
import { describe, expect, it } from 'vitest';
import { addPatch } from '../lib/model/add-patch.js';
import { applyTransform, readTaskSequence, writeTaskSequence } from './helpers/api.js';

const MSP = '\\\\server\\share\\KB977203.msp';

function sequence(properties: string): string {
  return `<sequence version="3.00">
  <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr">
    <action>OSDSetupWindows.exe</action>
    <defaultVarList>
      <variable name="SMSClientInstallProperties" property="ClientInstallProperties">${properties}</variable>
    </defaultVarList>
  </step>
</sequence>
`;
}

describe('addPatch appends to a PATCH="…" list as written', () => {
  it('keeps the spaces after a ; and the other entries as written', () => {
    expect(addPatch('SMSMP=mp PATCH="C:\\a.msp; C:\\b.msp" FSP=f', 'C:\\c.msp')).toEqual({ status: 'added', value: 'SMSMP=mp PATCH="C:\\a.msp; C:\\b.msp;C:\\c.msp" FSP=f' });
    expect(addPatch('patch="C:\\a.msp"', 'C:\\c.msp').value).toBe('patch="C:\\a.msp;C:\\c.msp"');
  });

  it('writes a list in another form anew, as before', () => {
    expect(addPatch('PATCH=C:\\a.msp FSP=F', 'C:\\b.msp').value).toBe('PATCH="C:\\a.msp;C:\\b.msp" FSP=F');
    expect(addPatch('PATCH="C:\\a.msp;" FSP=F', 'C:\\b.msp').value).toBe('PATCH="C:\\a.msp;C:\\b.msp" FSP=F');
  });

  it('add-client-patch changes only the end of the list in the file', () => {
    const before = sequence('SMSMP=mp PATCH="C:\\a.msp; C:\\b.msp"');
    const doc = readTaskSequence(before);
    expect(applyTransform('add-client-patch', doc, { msp: MSP }).changed).toBe(true);
    const after = Buffer.from(writeTaskSequence(doc)).toString('utf8');
    expect(after).toBe(before.replace('C:\\b.msp"', `C:\\b.msp;${MSP}"`));
  });
});
