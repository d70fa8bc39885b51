// Review of the authoring API: additions next to an item just added stay cheap in a long sequence.
import { describe, expect, it } from 'vitest';
import { addItem, addStep, buildStep, createGroup, readTaskSequence, type Group, type SequenceItem, type Step, type TaskSequenceDocument } from './helpers/api.js';
import { countPropertyReads } from './helpers/read-counter.js';

const STEPS = 300;
const text = `<sequence version="3.10">${Array.from({ length: STEPS }, (_, i) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="s${i}" description="" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false"><action>smsswd.exe /run: x</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">x</variable></defaultVarList></step>`).join('')}</sequence>`;

const newStep = (name: string) => buildStep('Run Command Line', { name, settings: { commandLine: 'y' } });

/**
 * How often `add` (called n times on a fresh read of the sequence) reads the `children` of the sequence's first
 * steps: a walk of the tree (searching it, linking it, learning its indentation) reads each once or more.
 */
function readsFor(n: number, add: (doc: TaskSequenceDocument, i: number) => void): { reads: number; doc: TaskSequenceDocument } {
  const doc = readTaskSequence(text);
  const steps = doc.sequence.children.filter((c): c is Step => c.kind === 'step');
  const counter = countPropertyReads(steps, 'children');
  for (let i = 0; i < n; i++) add(doc, i);
  return { reads: counter.reads, doc };
}

/** Adds each step after (or before) the one added before it, starting from the sequence's last step. */
function chain(where: 'after' | 'before') {
  let anchor: SequenceItem | undefined;
  return (doc: TaskSequenceDocument, i: number) => {
    if (i === 0) anchor = doc.sequence.children.at(-1) as Step;
    const s = newStep(`${where}${i}`);
    addItem(doc.sequence, s, where === 'after' ? { after: anchor as SequenceItem } : { before: anchor as SequenceItem });
    anchor = s;
  };
}

/** Adds a group last, then a step into it. */
function groupThenStep(doc: TaskSequenceDocument, i: number): void {
  const g: Group = createGroup({ name: `g${i}` });
  addItem(doc.sequence, g, { last: doc.sequence });
  addStep(doc, 'Run Command Line', { name: `in${i}`, settings: { commandLine: 'z' } }, { last: g });
}

describe('addItem links what it adds, as insertAfter does', () => {
  // Unlinked, each addition next to (or into) an item just added re-linked the whole tree once the tree was linked:
  // adding N steps one after the other cost N walks of the sequence. Linked, a hundred more additions walk it no more.
  it.each([
    ['after the step added before', chain('after')],
    ['before the step added before', chain('before')],
    ['into a group just added', groupThenStep],
  ] as const)('adding items %s does not walk the sequence again for each', (_, add) => {
    const few = readsFor(100, add).reads;
    const many = readsFor(200, add).reads;
    expect(many - few).toBeLessThan(STEPS);
  });

  it('puts the items where they were asked for', () => {
    const after = readsFor(50, chain('after')).doc.sequence.children.filter((c): c is Step => c.kind === 'step');
    expect(after.slice(STEPS - 1, STEPS + 2).map((s) => s.attributes.name)).toEqual([`s${STEPS - 1}`, 'after0', 'after1']);
    const before = readsFor(50, chain('before')).doc.sequence.children.filter((c): c is Step => c.kind === 'step');
    expect(before.slice(STEPS - 1).map((s) => s.attributes.name).slice(0, 2)).toEqual(['before49', 'before48']);
    expect(before.at(-1)?.attributes.name).toBe(`s${STEPS - 1}`);
    const groups = readsFor(3, groupThenStep).doc.sequence.children.filter((c): c is Group => c.kind === 'group');
    expect(groups.map((g) => g.children.filter((c): c is Step => c.kind === 'step').map((s) => s.attributes.name))).toEqual([['in0'], ['in1'], ['in2']]);
  });
});
