// Only XML's white space (space, tab, CR, LF) is layout. The text form took anything trim() removes for layout, so a
// group's <action> holding a no-break space (or such text between items, in a condition or in a reference) was
// dropped by convert --to yaml without a word, and the sequence built back differed.
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../lib/api/text.js';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const seq = (inner: string) => Buffer.from(`<sequence version="3.10">${inner}</sequence>`);
const expr = (v: string) => `<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Variable">${v}</variable><variable name="Operator">exists</variable></expression>`;
const group = (inner: string) => `<group name="G" description="">${inner}<step type="X" name="S" description=""/></group>`;

describe('a no-break space is not layout to the text form', () => {
  const cases: [string, string][] = [
    ['a group <action> holding only U+00A0', group('<action>\u00a0</action>')],
    ['U+2003 between a group\'s items', group('\u2003')],
    ['U+00A0 in a condition', group(`<condition>\u00a0${expr('A')}</condition>`)],
    ['U+00A0 in a reference', '<referenceList><reference package="P0100001">\u00a0</reference></referenceList>'],
  ];
  for (const [what, inner] of cases) {
    it(`${what} is refused (INVALID_ARGUMENT), not dropped`, () => {
      expect(thrown(() => toYaml(readTaskSequence(seq(inner)))).code).toBe('INVALID_ARGUMENT');
    });
  }

  it('XML white space there is still layout: the text converts and builds back', () => {
    const bytes = seq(group(`<action> \t\r\n</action>\n  <condition>\n  ${expr('A')}\n</condition>`) + '<referenceList><reference package="P0100001">\n</reference></referenceList>');
    const back = fromYaml(toYaml(readTaskSequence(bytes)));
    expect(back.steps().map((s) => s.path)).toEqual(['G/S']);
  });
});
