// Revert's unwrap puts a Setup step back where the preset's group stood. Given a parent that does not hold the group,
// it must change nothing: the group's index there (-1) used to be written as an array property "-1", leaving the
// step out of the tree with the group's condition already moved into it.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { unwrap } from '../lib/presets/kb977203-revert-edits.js';
import type { Group, Node } from '../lib/model/types.js';

const SEQ =
  '<sequence version="3.00"><group name="Setup Windows and ConfigMgr (KB977203)" description=""><condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">1</variable><variable name="Variable">X</variable></expression></condition><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action></step></group></sequence>';

describe('unwrap', () => {
  it('puts the step back in the group\'s place with its condition', () => {
    const doc = readTaskSequence(SEQ);
    const group = doc.sequence.children[0] as Group;
    unwrap(doc, doc.sequence, group);
    const step = doc.sequence.children[0] as Node & { kind: string; children: Node[] };
    expect(step.kind).toBe('step');
    expect(step.children[0]?.kind).toBe('condition');
  });

  it('changes nothing when the parent does not hold the group', () => {
    const doc = readTaskSequence(SEQ);
    const group = doc.sequence.children[0] as Group;
    const elsewhere: { children: Node[] } = { children: [] };
    unwrap(doc, elsewhere, group);
    expect(elsewhere.children).toEqual([]);
    expect(Object.keys(elsewhere.children)).toEqual([]);
    expect(Buffer.from(writeTaskSequence(doc)).toString('utf8')).toBe(SEQ);
  });
});
