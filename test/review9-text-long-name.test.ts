import { describe, expect, it } from 'vitest';
import { fromYaml, sequenceToText, toYaml } from '../lib/text/index.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';

describe('a step named longer than the text form\'s name takes (255 characters)', () => {
  it('converts with its name in the raw attributes, and builds back the same (the text was refused by cmts build)', () => {
    const long = 'x'.repeat(256);
    const xml = `<sequence version="3.10"><group name="${long}" description=""><step type="Custom_X" name="${long}" description=""/><step type="SMS_TaskSequence_RunCommandLineAction" name="${long}" description="" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false"><action>smsswd.exe /run: cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable></defaultVarList></step></group></sequence>`;
    const doc = readTaskSequence(xml);
    const text = sequenceToText(doc);
    const back = fromYaml(toYaml(doc));
    expect(sequenceToText(back)).toEqual(text);
    expect(new TextDecoder().decode(writeTaskSequence(back)).split(`name="${long}"`).length - 1).toBe(3);
  });

  it('a name of 255 characters is still the name field', () => {
    const name = 'y'.repeat(255);
    const doc = readTaskSequence(`<sequence version="3.10"><step type="Custom_X" name="${name}" description=""/></sequence>`);
    expect(sequenceToText(doc).steps[0]).toMatchObject({ type: 'Custom_X', name });
    expect(sequenceToText(doc).steps[0]).not.toHaveProperty('attributes');
  });
});
