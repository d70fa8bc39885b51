// Names read from a file are looked up in tables of cmts's own: a name that Object.prototype holds (`constructor`,
// `toString`, `__proto__`) must find nothing there, not a function printed into a report.
import { describe, expect, it } from 'vitest';
import { stepTypeName } from '../lib/model/steps.js';
import { describeExpression } from '../lib/model/conditions.js';
import { readTaskSequence } from './helpers/api.js';
import { configMgrEra } from '../lib/presets/kb977203-era.js';
import type { Expression, Step } from '../lib/model/types.js';
import { findVariable, variableKey } from '../lib/model/variables.js';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('names Object.prototype holds', () => {
  it('are step types cmts does not know, named as written', () => {
    for (const name of NAMES) expect(stepTypeName(name)).toBe(name);
    expect(stepTypeName('SMS_TaskSequence_RebootAction')).toBe('Restart Computer');
  });

  it('are condition operators cmts does not know, shown as written', () => {
    for (const name of NAMES) {
      const doc = readTaskSequence(
        `<sequence version="3.10"><step type="T" name="s"><condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">${name}</variable><variable name="Value">1</variable><variable name="Variable">X</variable></expression></condition></step></sequence>`,
      );
      const step = doc.sequence.children[0] as { children: { tag?: string; children?: unknown[] }[] };
      const condition = step.children.find((c) => c.tag === 'condition') as { children: Expression[] };
      expect(describeExpression(condition.children[0] as Expression)).toBe(`X ${name} "1"`);
    }
  });

  it('are step types ConfigMgr 2007 is not judged by: a step typed `constructor` is no step added after 2007', () => {
    for (const name of NAMES) {
      const doc = readTaskSequence(`<sequence version="3.00"><step type="${name}" name="s"/><step type="SMS_TaskSequence_PrestartCheckAction" name="p"/></sequence>`);
      // Only the real later step type counts against 2007 (it did: "added in function Object() { [native code] }").
      expect(configMgrEra(doc).against).toEqual(['it has a Check Readiness step (SMS_TaskSequence_PrestartCheckAction, added in ConfigMgr 2012 R2)']);
    }
  });

  it('are step types with no table of variable names: a property is looked up by its own name', () => {
    for (const name of NAMES) {
      const doc = readTaskSequence(`<sequence version="3.00"><step type="${name}" name="s"><defaultVarList><variable name="Object">x</variable><variable name="toString">y</variable></defaultVarList></step></sequence>`);
      const step = doc.sequence.children[0] as Step;
      // Inherited, the table answered `name` with 'Object' (or 'toString'), and `length` with a number that threw.
      for (const key of ['name', 'length', 'constructor']) expect(variableKey(step, key)).toEqual({ name: key, property: key });
      expect(findVariable(step, 'name')).toBeUndefined();
      expect(() => findVariable(step, 'length')).not.toThrow();
      expect(findVariable(step, 'toString')?.value).toBe('y');
    }
  });
});
