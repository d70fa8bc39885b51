// A value of only blank lines, some holding spaces (" \n \n"), written to the text form: the YAML library wrote it as
// a block scalar with no indentation indicator, whose lines of spaces read back as empty lines, so the spaces were
// lost on the way XML → YAML → XML. Such a value is written double-quoted.
import { describe, expect, it } from 'vitest';
import { diffTaskSequences, fromYaml, readTaskSequence, toYaml } from './helpers/api.js';
import { stringifyYaml } from '../lib/text/yaml-text.js';
import { parse } from 'yaml';

const step = (value: string) =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_SetVariableAction" name="S" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>tsenv.exe "X=${value}" /hiddenflag:False</action><defaultVarList><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue" hidden="true">false</variable><variable name="VariableName" property="VariableName" hidden="true">X</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step></sequence>`;

const VALUES = [' \n \n', ' \n', '  \n', ' \n\n', '\n \n', ' \t\n', '\t \n \n'];

describe('values of only whitespace over several lines', () => {
  it('read back as written from the text form (XML → YAML → XML is equal by meaning)', () => {
    for (const value of VALUES) {
      const doc = readTaskSequence(step(value));
      expect(diffTaskSequences(doc, fromYaml(toYaml(doc))), JSON.stringify(value)).toEqual([]);
    }
  });

  it('are written so the YAML reads them back, at any depth the writer slices', () => {
    for (const value of VALUES) {
      const data = { a: value, b: [value, { c: value }] };
      expect(parse(stringifyYaml(data)), JSON.stringify(value)).toEqual(data);
      expect(parse(stringifyYaml(data, 1, 1)), JSON.stringify(value)).toEqual(data);
    }
  });
});
