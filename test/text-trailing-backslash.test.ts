// A Set Task Sequence Variable value that ends in a backslash (`C:\Folder\`) is kept as written everywhere: in the
// YAML and JSON text forms, in the VariableValue variable, and in the action line, where the console substitutes the
// value between the quotes as it is (`tsenv.exe "Dest=C:\Folder\"`: no quote or backslash is escaped, see the
// catalog's actionNotes and the reference's section 3.34), so cmts writes what the console writes, and reads back
// what it wrote. No value is changed on the way: a `\` doubled, or one dropped, would set another folder.
import { describe, expect, it } from 'vitest';
import { buildSequence, fromYaml, readTaskSequence, sequenceToText, toYaml, writeTaskSequenceText } from './helpers/api.js';

const VALUE = 'C:\\Folder\\';
const YAML = `version: "3.10"
steps:
  - step: Set Task Sequence Variable
    name: Folder
    settings:
      variableName: Dest
      variableValue: 'C:\\Folder\\'
`;

describe('a variable value ending in a backslash', () => {
  const xml = writeTaskSequenceText(fromYaml(YAML));

  it('is written as it is into the VariableValue variable and, between the quotes, into the action line', () => {
    expect(xml).toContain('<action>tsenv.exe "Dest=C:\\Folder\\" /hiddenflag:False</action>');
    expect(xml).toContain('<variable name="VariableValue" property="VariableValue" hidden="true">C:\\Folder\\</variable>');
  });

  it('reads back from the XML to the same setting, and writes back the same XML through YAML and through JSON', () => {
    const text = sequenceToText(readTaskSequence(xml));
    expect(text.steps[0]).toMatchObject({ step: 'Set Task Sequence Variable', settings: { variableName: 'Dest', variableValue: VALUE } });
    const yaml = toYaml(readTaskSequence(xml));
    expect(yaml).toContain('variableValue: C:\\Folder\\\n');
    expect(writeTaskSequenceText(fromYaml(yaml))).toBe(xml);
    expect(writeTaskSequenceText(buildSequence(JSON.parse(JSON.stringify(text)) as typeof text))).toBe(xml);
  });

  it('in a file the console wrote (no /hiddenflag), goes through the text form and back to the same bytes', () => {
    const written = `<sequence version="3.10"><step type="SMS_TaskSequence_SetVariableAction" name="F"><action>tsenv.exe "Dest=C:\\Folder\\"</action><defaultVarList><variable name="VariableName" property="VariableName" hidden="true">Dest</variable><variable name="VariableValue" property="VariableValue" hidden="true">C:\\Folder\\</variable></defaultVarList></step></sequence>`;
    const doc = readTaskSequence(written);
    expect(writeTaskSequenceText(fromYaml(toYaml(doc)))).toBe(written);
    expect(writeTaskSequenceText(buildSequence(JSON.parse(JSON.stringify(sequenceToText(doc))) as ReturnType<typeof sequenceToText>))).toBe(written);
  });
});
