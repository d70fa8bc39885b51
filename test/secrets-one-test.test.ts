// One test of what is a secret (lib/model/secrets.ts) for everything cmts prints. The rendered page and `cmts inspect`
// had copies of it that differed: the page hid a Set Task Sequence Variable value only when "Do not display this
// value" was exactly `true`, where inspect and lint took `True` too; and the page hid settings about passwords
// (OSDRandomAdminPassword = true) that lint knows are no secrets.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { keySettings } from '../lib/render/key-settings.js';
import { characterCount } from '../lib/shown-value.js';
import { readTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const setVariable = (name: string, value: string, flag: string) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set ${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe "${name}=${value}"</action><defaultVarList><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue" hidden="true">${flag}</variable><variable name="VariableName" property="VariableName" hidden="true">${name}</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step>`;
const sequence = (steps: string) => `<sequence version="3.10">${steps}</sequence>`;

describe('what is a secret, the same for a page, inspect and lint', () => {
  it('"Do not display this value" written True (any case, spaced) hides the value on the page as in inspect', async () => {
    const xml = sequence(setVariable('MyKey', 'Hush-1', ' True '));
    const doc = readTaskSequence(xml);
    const step = doc.sequence.children.find((c) => c.kind === 'step');
    expect(step && keySettings(step)).toEqual([{ label: 'set', value: 'MyKey = (hidden)' }]);
    const m = memoryIo({ 'a.xml': xml });
    expect(await main(['inspect', 'a.xml'], m.io)).toBe(0);
    expect(m.stdout).toContain('MyKey = (hidden)');
    expect(m.stdout).not.toContain('Hush');
  });

  it('a setting about a password (OSDRandomAdminPassword) is no secret on the page either, as lint has it', () => {
    const doc = readTaskSequence(sequence(setVariable('OSDRandomAdminPassword', 'true', 'false')));
    const step = doc.sequence.children.find((c) => c.kind === 'step');
    expect(step && keySettings(step)).toEqual([{ label: 'set', value: 'OSDRandomAdminPassword = true' }, { label: 'do not show variable value', value: 'no' }]);
  });
});

describe('characterCount', () => {
  it('counts code points as for … of does, a lone surrogate as one', () => {
    const cases: [string, number][] = [['', 0], ['abc', 3], ['a\u{1F600}b', 3], ['\ud800x', 2], ['x\udc00', 2], ['\ud800\ud800\udc00', 2], ['\ud800', 1]];
    for (const [text, count] of cases) expect(characterCount(text), JSON.stringify(text)).toBe(count);
  });
});
