// A step or group the typed fields cannot say exactly is converted with its raw attributes as well (MDT spellings,
// attributes in another order); the builder writes those as they are. Editing the step's name, description, flags,
// type or timeout and not its attributes built the old value back without a word: the edit was dropped. Fields that
// say otherwise than the attributes are refused now, at the item's line.
import { describe, expect, it } from 'vitest';
import { fromYaml, sequenceToText, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

// MDT writes its steps' attributes in its own order and spelling, so their text keeps them raw.
const MDT = '<sequence version="3.00"><group expand="true" name="G" description="" disable="false"><step type="SMS_TaskSequence_RunCommandLineAction" name="Run" description="d" disable="false" continueOnError="false" startIn="" successCodeList="0 3010" runIn="WinPEandFullOS"><action>cmd /c</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c</variable></defaultVarList></step></group></sequence>';

describe('fields and raw attributes of one item', () => {
  const yaml = toYaml(readTaskSequence(MDT));

  it('the converted text has both, agreeing, and builds back the same', () => {
    const text = sequenceToText(readTaskSequence(MDT));
    const group = text.steps[0] as { attributes?: Record<string, string>; steps?: { attributes?: Record<string, string> }[] };
    expect(group.attributes?.expand).toBe('true');
    expect(group.steps?.[0]?.attributes?.startIn).toBe('');
    expect(toYaml(readTaskSequence(writeTaskSequence(fromYaml(yaml))))).toBe(yaml);
  });

  const EDITS: [string, string, string][] = [
    ['a step renamed', yaml.replace('        name: Run\n', '        name: Run it\n'), 'name says "Run it" but attributes.name says "Run"'],
    ['a group renamed', yaml.replace('  - group: G\n', '  - group: H\n'), 'group says "H" but attributes.name says "G"'],
    ['a description changed', yaml.replace('description: d\n', 'description: e\n'), 'description says "e"'],
    ['a step disabled', yaml.replace('        name: Run\n', '        name: Run\n        disabled: true\n'), 'disabled is true'],
    ['a step given another type', yaml.replace('step: Run Command Line', 'step: Restart Computer'), 'step says "Restart Computer"'],
  ];
  for (const [what, edited, message] of EDITS) {
    it(`${what} and not its attributes: refused at the item, saying which`, () => {
      expect(edited).not.toBe(yaml);
      const e = thrown(() => fromYaml(edited));
      expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
      expect(e.message).toContain(message);
      expect(e.linePos?.line).toBeGreaterThan(3);
    });
  }

  it('an edit made in both builds', () => {
    // The step's own name line comes before its attributes' (indented two more).
    const both = yaml.replace('        name: Run\n', '        name: Run it\n').replace('          name: Run\n', '          name: Run it\n');
    expect(both.match(/name: Run it\n/g)).toHaveLength(2);
    const built = readTaskSequence(writeTaskSequence(fromYaml(both)));
    expect(sequenceToText(built).steps[0]).toMatchObject({ steps: [{ name: 'Run it', attributes: { name: 'Run it', startIn: '' } }] });
  });

  it('typed settings beside raw variables (only the variables were built) are refused', () => {
    const e = thrown(() => fromYaml('steps:\n  - step: Run Command Line\n    name: R\n    settings:\n      commandLine: new\n    variables:\n      - name: CommandLine\n        value: old\n'));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.message).toContain('settings and variables');
    expect(e.linePos?.line).toBe(2);
  });

  it('a sequence version under attributes (which overrode version:) is refused at its key', () => {
    const e = thrown(() => fromYaml('version: "3.10"\nattributes:\n  version: "3.00"\nsteps: []\n'));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.linePos?.line).toBe(2);
  });
});
