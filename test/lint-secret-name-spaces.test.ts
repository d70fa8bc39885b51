// A password-like variable whose name or property has white space around it (a hand edit: "OSDJoinPassword ") was no
// secret to lint: clear-text-secret passed its clear-text value, although a rendered page hid it. The name is now read
// with that white space ignored, as a Set Task Sequence Variable step's name already was.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const secrets = (xml: string) => lint(readTaskSequence(xml), ['clear-text-secret']);

describe('clear-text-secret: white space around a password-like name', () => {
  it('a global variable and a step variable are found, their values not shown', () => {
    const found = [
      ...secrets('<sequence version="3.10"><globalVarList><variable name="OSDJoinPassword " property="">P@ss</variable></globalVarList></sequence>'),
      ...secrets('<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="r" description="" runIn="FullOS" successCodeList="0"><action>cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable><variable name="\tRunAsPassword" property=" UserPassword ">P@ss</variable></defaultVarList></step></sequence>'),
    ];
    expect(found.map((d) => d.path ?? null)).toEqual([null, 'r']);
    for (const d of found) expect(d.message).not.toContain('P@ss');
  });

  it('a setting about passwords, spaces around it, is still no secret', () => {
    expect(secrets('<sequence version="3.10"><globalVarList><variable name=" OSDRandomAdminPassword " property="">true1</variable></globalVarList></sequence>')).toEqual([]);
  });
});
