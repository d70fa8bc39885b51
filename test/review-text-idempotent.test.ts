// YAML → XML → YAML gives the same YAML. The builder writes an expression's parameters in name order (as the console
// does), while the text of an existing sequence wrote a generic `expression` operand's parameters in the order of the
// file: converting, building and converting again moved them, so every rebuild showed a change in review.
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';

const unsorted = (type: string) => `<expression type="${type}"><variable name="Variable">A</variable><variable name="Operator">equals</variable><variable name="Value">x</variable><variable name="Zone">q</variable></expression>`;

describe('the text form is idempotent', () => {
  it('an expression the typed operands cannot say, its parameters not in name order: convert → build → convert is unchanged', () => {
    const xml = `<sequence version="3.10"><group name="G" description=""><condition><operator type="or">${unsorted('SMS_TaskSequence_VariableConditionExpression')}${unsorted('Vendor_Expression')}</operator></condition><step type="X" name="S" description=""><condition>${unsorted('Vendor_Expression')}</condition></step></group></sequence>`;
    const first = toYaml(readTaskSequence(Buffer.from(xml)));
    const again = toYaml(readTaskSequence(writeTaskSequence(fromYaml(first))));
    expect(again).toBe(first);
  });
});
