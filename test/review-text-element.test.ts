// A catalog step's element (<step> or <subtasksequence>) was lost on the way through the text form: the builder
// always used the catalog's element for the type, so Run Task Sequence written as <step> came back as
// <subtasksequence>, and a Run Command Line under <subtasksequence> came back as <step>.
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';

const RUN_TS = 'type="SMS_TaskSequence_SubTasksequence" name="s" description="" successCodeList="0" retryCount="0" runFromNet="false"><action>SubTasksequence.exe</action><defaultVarList><variable name="OSDSubTasksequencePackageID" property="TsPackageID">ABC00001</variable></defaultVarList>';
const RUN_CMD = 'type="SMS_TaskSequence_RunCommandLineAction" name="r" description="" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false"><action>smsswd.exe /run: x</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">x</variable><variable name="SMSTSDisableWow64Redirection" property="DisableWow64Redirection">false</variable><variable name="SuccessCodes" property="SuccessCodes" hidden="true">0 3010</variable></defaultVarList>';

const tags = (bytes: Uint8Array) => readTaskSequence(bytes).sequence.children.map((c) => ('tag' in c ? c.tag : c.kind));

describe('a step keeps its element through the text form', () => {
  it.each([
    ['Run Task Sequence as <step>', `<step ${RUN_TS}</step>`, ['step']],
    ['Run Task Sequence as <subtasksequence>', `<subtasksequence ${RUN_TS}</subtasksequence>`, ['subtasksequence']],
    ['Run Command Line as <subtasksequence>', `<subtasksequence ${RUN_CMD}</subtasksequence>`, ['subtasksequence']],
    ['Run Command Line as <step>', `<step ${RUN_CMD}</step>`, ['step']],
  ])('%s', (_what, inner, expected) => {
    const bytes = Buffer.from(`<sequence version="3.10">${inner}</sequence>`);
    const yaml = toYaml(readTaskSequence(bytes));
    const built = writeTaskSequence(fromYaml(yaml));
    expect(tags(built)).toEqual(expected);
    expect(toYaml(readTaskSequence(built))).toBe(yaml);
  });
});
