// Revert of the group the preset makes around a conditional step puts the condition back where it stood. It put it
// first whatever its place, so a step that had it after <action> (as MDT's files write it, or last) came back with
// the condition moved: not the bytes read, which revert promises for an input the preset had not touched before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const O = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' } as const;
const EXAMPLE = readFileSync(join(FIXTURES_DIR, '..', '..', 'examples', 'refresh-2007.xml'), 'latin1');
const I = '          ';
const WMI = `<condition>\r\n${I}  <expression type="SMS_TaskSequence_WMIConditionExpression">\r\n${I}    <variable name="Namespace">root\\cimv2</variable>\r\n${I}    <variable name="Query">SELECT * FROM Win32_ComputerSystem WHERE Model LIKE "%X1%"</variable>\r\n${I}  </expression>\r\n${I}</condition>`;
/** The example with a WMI condition on Setup, placed by `place` in its step's text. */
const withCondition = (place: (step: string) => string): string => {
  const at = EXAMPLE.indexOf('<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"');
  const end = EXAMPLE.indexOf('</step>', at);
  return EXAMPLE.slice(0, at) + place(EXAMPLE.slice(at, end)) + EXAMPLE.slice(end);
};
const written = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('latin1');

function applyThenRevert(input: string): { applied: string; reverted: string } {
  const doc = readTaskSequence(Buffer.from(input, 'latin1'));
  applyKb977203(doc, O);
  const applied = written(doc);
  const back = readTaskSequence(Buffer.from(applied, 'latin1'));
  revertKb977203(back, O);
  return { applied, reverted: written(back) };
}

describe('KB977203 revert of a conditional Setup step', () => {
  const cases: [string, (step: string) => string][] = [
    ['first (as ConfigMgr writes it)', (s) => s.replace('<action>', `${WMI}\r\n${I}<action>`)],
    ['after <action>', (s) => s.replace('</action>', `</action>\r\n${I}${WMI}`)],
    ['last, after <defaultVarList>', (s) => s.replace('</defaultVarList>', `</defaultVarList>\r\n${I}${WMI}`)],
  ];
  for (const [where, place] of cases) {
    it(`gives back the bytes read with the condition ${where}`, () => {
      const input = withCondition(place);
      expect(input).not.toBe(EXAMPLE);
      const { applied, reverted } = applyThenRevert(input);
      // The preset moved the condition to a group around Setup and its steps; revert puts it back where it stood.
      expect(applied).toContain('<group name="Setup Windows and ConfigMgr" description="KB977203: ');
      expect(reverted).toBe(input);
    });
  }

  it('records nothing that would take the group past the 255 characters a description holds', () => {
    // An element no console writes, with a long tag, before the condition: the condition then goes back first.
    const tag = `x${'y'.repeat(130)}`;
    const { applied } = applyThenRevert(withCondition((s) => s.replace('</action>', `</action>\r\n${I}<${tag}/>\r\n${I}${WMI}`)));
    const description = /<group name="Setup Windows and ConfigMgr" description="([^"]*)"/.exec(applied)?.[1] ?? '';
    expect(description.startsWith('KB977203: ')).toBe(true);
    expect(description.length).toBeLessThanOrEqual(255);
    expect(description).not.toContain('stood after');
  });

  it('records the place in the group it makes, only when the condition did not stand first', () => {
    expect(applyThenRevert(withCondition((s) => s.replace('</action>', `</action>\r\n${I}${WMI}`))).applied).toContain('(in the step, its condition stood after action)');
    expect(applyThenRevert(withCondition((s) => s.replace('<action>', `${WMI}\r\n${I}<action>`))).applied).not.toContain('its condition stood after');
  });
});
