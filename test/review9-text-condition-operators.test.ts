import { describe, expect, it } from 'vitest';
import { readCondition } from '../lib/model/condition-builder.js';
import { fromYaml, sequenceToText, toYaml } from '../lib/text/index.js';
import { conditionOf, readTaskSequence, writeTaskSequence, type Group } from './helpers/api.js';

const v = (name: string, value: string) => `<variable name="${name}">${value}</variable>`;
const expression = (type: string, ...vars: string[]) => `<expression type="SMS_TaskSequence_${type}">${vars.join('')}</expression>`;

/** Expressions whose operator is not one of its type's (a newer console's `like`, a hand edit). */
const ODD = [
  expression('VariableConditionExpression', v('Operator', 'like'), v('Value', 'a%'), v('Variable', 'X')),
  expression('FileConditionExpression', v('Path', 'p'), v('Version', '1'), v('VersionOperator', 'around')),
  expression('FolderConditionExpression', v('DateTime', '2020'), v('DateTimeOperator', 'around'), v('Path', 'p')),
  expression('RegistryConditionExpression', v('Data', 'd'), v('KeyPath', 'HKLM\\x'), v('Operator', 'contains'), v('Type', 'REG_SZ'), v('Value', 'n')),
  expression('RegistryConditionExpression', v('Data', 'd'), v('KeyPath', 'HKLM\\x'), v('Operator', 'AnyVersion'), v('Type', 'REG_SZ'), v('Value', 'n')),
  expression('SoftwareConditionExpression', v('Operator', 'equals'), v('ProductCode', '{P}'), v('ProductName', 'n')),
];

describe('a condition whose operator its type has not', () => {
  it('is read as a generic expression, and converts to a text that builds back the same (the typed text was refused by its own schema)', () => {
    const xml = `<sequence version="3.10"><group name="g" description=""><condition>${ODD.join('')}</condition></group></sequence>`;
    const doc = readTaskSequence(xml);
    const operands = readCondition(conditionOf(doc.sequence.children[0] as Group)!);
    expect(operands.map((o) => Object.keys(o)[0])).toEqual(ODD.map(() => 'expression'));
    const back = fromYaml(toYaml(doc));
    expect(sequenceToText(back)).toEqual(sequenceToText(doc));
    expect(new TextDecoder().decode(writeTaskSequence(back))).toBe(xml);
  });

  it('the operators each type has still read typed', () => {
    const typed = [
      expression('VariableConditionExpression', v('Operator', 'notExists'), v('Variable', 'X')),
      expression('FileConditionExpression', v('Path', 'p'), v('Version', '1'), v('VersionOperator', 'greaterEqual')),
      expression('SoftwareConditionExpression', v('Operator', 'ThisVersion'), v('ProductCode', '{P}'), v('ProductName', 'n'), v('Version', '1')),
    ];
    const doc = readTaskSequence(`<sequence version="3.10"><group name="g" description=""><condition>${typed.join('')}</condition></group></sequence>`);
    expect(readCondition(conditionOf(doc.sequence.children[0] as Group)!).map((o) => Object.keys(o)[0])).toEqual(['variable', 'file', 'software']);
  });
});
