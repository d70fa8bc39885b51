import { describe, expect, it } from 'vitest';
import { fromYaml, sequenceToText, toYaml } from '../lib/text/index.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';

const written = (yaml: string) => new TextDecoder().decode(writeTaskSequence(fromYaml(yaml)));
const roundTrip = (xml: string) => new TextDecoder().decode(writeTaskSequence(fromYaml(toYaml(readTaskSequence(xml)))));

describe('a step without a <defaultVarList> (both it and an empty one were written `variables: []`, and built back as an empty <defaultVarList>)', () => {
  it('converts and builds back without one, for a catalog type and an unknown one', () => {
    for (const xml of [
      '<sequence version="3.10"><step type="SMS_TaskSequence_RebootAction" name="R" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>smsboot.exe /target:HD</action></step></sequence>',
      '<sequence version="3.10"><step type="X" name="a" description=""><action>x</action></step></sequence>',
      '<sequence version="3.10"><step type="X" name="a" description=""></step></sequence>',
    ]) {
      expect(roundTrip(xml)).toBe(xml);
      expect(sequenceToText(readTaskSequence(xml)).steps[0]).toHaveProperty('variables', null);
    }
  });

  it('an empty <defaultVarList> stays one', () => {
    const xml = '<sequence version="3.10"><step type="X" name="a" description=""><action>x</action><defaultVarList></defaultVarList></step></sequence>';
    expect(roundTrip(xml)).toBe(xml);
    expect(sequenceToText(readTaskSequence(xml)).steps[0]).toHaveProperty('variables', []);
  });

  it('variables: null builds a catalog step without the list or its default values; settings beside it are refused', () => {
    const out = written('steps:\n  - step: Restart Computer\n    variables: null\n');
    expect(out).not.toContain('defaultVarList');
    expect(out).toContain('<action>');
    expect(() => written('steps:\n  - step: Restart Computer\n    settings: { target: HD }\n    variables: null\n')).toThrow(/settings and variables/);
  });
});
