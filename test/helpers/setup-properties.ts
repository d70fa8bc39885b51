// A sequence of one Setup Windows and ConfigMgr step with the installation properties given, and those properties
// read back from a document: for tests of what the KB977203 preset does to PATCH.
import { readTaskSequence, writeTaskSequence } from '../../lib/index.js';

/** A 3.00 sequence whose one Setup step (client package ABC00002) has `props` as its installation properties. */
export const SETUP_SEQUENCE = (props: string): string =>
  `<sequence version="3.00"><group name="Install" description=""><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props.replace(/"/g, '&quot;')}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></group></sequence>\n`;

/** The installation properties of the (first) Setup step of `doc`, as written. */
export const propsOf = (doc: ReturnType<typeof readTaskSequence>): string => (/property="ClientInstallProperties">([^<]*)</.exec(Buffer.from(writeTaskSequence(doc)).toString('utf8'))?.[1] ?? '').replace(/&quot;/g, '"');
