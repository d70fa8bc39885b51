// Three things the text form changed without a word (the semantic diff of the original and the rebuilt sequence
// reported them): a <sequence> without a version attribute was built with version="3.10"; a variable's
// hidden="false" was dropped; a variable without a property attribute was built with property = its name. The text
// now says each (`version: null`, `hidden: false`, `property: null`), and texts that do not say them build as before.
import { describe, expect, it } from 'vitest';
import { diffTaskSequences } from '../lib/diff/semantic-diff.js';
import { fromYaml, sequenceToText, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';

const STEP = '<step type="Custom_Vendor_Action" name="S" description=""><action>run.exe</action><defaultVarList><variable name="A" property="A" hidden="false">1</variable><variable name="B">2</variable></defaultVarList></step>';
const CASES: [string, string][] = [
  ['a sequence without a version', `<sequence>${STEP.replace(/ hidden="false"| property="A"/g, '').replace('<variable name="A"', '<variable name="A" property="A"')}</sequence>`],
  ['a global variable with hidden="false"', '<sequence version="3.10"><globalVarList><variable name="G" property="G" hidden="false">1</variable></globalVarList></sequence>'],
  ['a global variable without a property', '<sequence version="3.10"><globalVarList><variable name="G">1</variable></globalVarList></sequence>'],
  ['step variables with hidden="false" and without a property', `<sequence version="3.10">${STEP}</sequence>`],
];

describe('what the text form used to change in a sequence', () => {
  for (const [what, xml] of CASES) {
    it(`${what}: built back equal by meaning, and convert → build → convert is stable`, () => {
      const doc = readTaskSequence(xml);
      const yaml = toYaml(doc);
      const back = readTaskSequence(writeTaskSequence(fromYaml(yaml)));
      expect(diffTaskSequences(doc, back)).toEqual([]);
      expect(toYaml(back)).toBe(yaml);
    });
  }

  it('the text says them', () => {
    expect(sequenceToText(readTaskSequence(CASES[0]?.[1] as string)).version).toBeNull();
    expect(sequenceToText(readTaskSequence(CASES[1]?.[1] as string)).variables).toEqual([{ name: 'G', hidden: false, value: '1' }]);
    expect(sequenceToText(readTaskSequence(CASES[2]?.[1] as string)).variables).toEqual([{ name: 'G', property: null, value: '1' }]);
  });

  it('a text that does not say them builds as before: version 3.10, property = name, no hidden', () => {
    const doc = fromYaml('variables:\n  - name: G\n    value: "1"\nsteps: []\n');
    expect(doc.sequence.attributes).toEqual({ version: '3.10' });
    const globals = doc.sequence.children.find((c) => c.kind === 'variableList');
    expect(globals && 'children' in globals ? globals.children.map((v) => ('attributes' in v ? v.attributes : undefined)) : undefined).toEqual([{ name: 'G', property: 'G' }]);
  });
});
