// name-over-limit reported names over 100 characters, which the SMS Provider refuses, but passed an empty name (or a
// step or group with no name at all), which it refuses too: the WMI Name property takes 1 to 100 characters. Such an
// item is now reported by the same rule, at the item.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const STEP = (name: string) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction"${name} description="" runIn="FullOS" successCodeList="0"><action>cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable></defaultVarList></step>`;
const found = (body: string) => lint(readTaskSequence(`<sequence version="3.10">${body}</sequence>`), ['name-over-limit', 'name-too-long']).map((d) => `${d.code} ${d.col} ${d.message}`);

describe('name-over-limit: an empty name', () => {
  it('an empty or missing step name, and an empty group name, are each reported', () => {
    const body = `<group name="" description="">${STEP(' name=""')}${STEP('')}</group>`;
    const text = `<sequence version="3.10">${body}</sequence>`;
    const at = (i: number) => text.split('<').slice(0, i).join('<').length + 1;
    const message = 'The name is empty; the SMS Provider accepts 1 to 100 characters.';
    expect(found(body)).toEqual([`name-over-limit ${at(2)} ${message}`, `name-over-limit ${at(3)} ${message}`, `name-over-limit ${at(11)} ${message}`]);
  });

  it('a name of one character, or of 100, is accepted', () => {
    expect(found(STEP(' name="x"') + STEP(` name="${'n'.repeat(50)}"`))).toEqual([]);
    expect(found(STEP(` name="${'n'.repeat(100)}"`)).map((f) => f.split(' ')[0])).toEqual(['name-too-long']);
  });
});
