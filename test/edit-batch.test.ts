// editBatch makes many insertions and removals with one pass over each parent they touch: the same result as making
// them one by one with insertAfter/removeItem (pinned against those on random edits), also after edits behind its back,
// and a cost that counts the parent's size once, not once per edit (counted, not timed).
import { describe, expect, it } from 'vitest';
import { applyTransform, editBatch, insertAfter, locate, readTaskSequence, removeItem, writeTaskSequenceText, type Group, type Sequence, type SequenceItem, type Step } from './helpers/api.js';
import { countingArray } from './helpers/read-counter.js';

const step = (name: string): Step => ({ kind: 'step', tag: 'step', attributes: { type: 'X', name }, children: [] });
const items = (parent: Sequence | Group): SequenceItem[] => parent.children.filter((c): c is SequenceItem => c.kind === 'step' || c.kind === 'group');

const xml = (n: number, eol = '\n') =>
  `<sequence version="3.10">${eol}  <group name="G">${eol}    <step type="X" name="g0"/>${eol}    <step type="X" name="g1"/>${eol}  </group>${eol}${Array.from({ length: n }, (_, i) => `  <step type="X" name="s${i}"/>${eol}`).join('')}</sequence>${eol}`;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

type Op = { after: string; names: string[] } | { remove: string };

/**
 * Random inserts and removes by name, each valid when made in order: after items in the sequence, of items in it
 * (never of the group, which would take the items in it along).
 */
function randomOps(seed: number, names: string[], count: number): Op[] {
  const next = random(seed);
  const present = names.slice();
  const ops: Op[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.floor(next() * present.length);
    const name = present[at] as string;
    if (next() < 0.4 && name !== 'G') {
      ops.push({ remove: name });
      present.splice(at, 1);
    } else {
      const added = Array.from({ length: 1 + Math.floor(next() * 2) }, (_, k) => `n${i}_${k}`);
      ops.push({ after: name, names: added });
      present.push(...added);
    }
  }
  return ops;
}

/** Applies `ops` to a fresh read of `text`, one by one or as one batch, and writes the result. */
function run(text: string, ops: Op[], batched: boolean): string {
  const doc = readTaskSequence(text);
  const byName = new Map<string, SequenceItem>();
  const note = (p: Sequence | Group) => {
    for (const it of items(p)) {
      byName.set(it.attributes.name ?? '', it);
      if (it.kind === 'group') note(it);
    }
  };
  note(doc.sequence);
  const batch = editBatch(doc.sequence);
  for (const op of ops) {
    if ('remove' in op) {
      const it = byName.get(op.remove) as SequenceItem;
      if (batched) batch.remove(it);
      else expect(removeItem(doc.sequence, it)).toBe(true);
    } else {
      const made = op.names.map(step);
      for (const m of made) byName.set(m.attributes.name as string, m);
      if (batched) batch.insertAfter(byName.get(op.after) as SequenceItem, made);
      else insertAfter(doc.sequence, byName.get(op.after) as SequenceItem, made);
    }
  }
  if (batched) expect(batch.apply()).toBe(ops.filter((o) => 'remove' in o).length);
  return writeTaskSequenceText(doc);
}

describe('editBatch', () => {
  it('gives what the same edits give one by one, in pretty-printed, CRLF and one-line files', () => {
    const names = ['G', 'g0', 'g1', ...Array.from({ length: 30 }, (_, i) => `s${i}`)];
    for (const text of [xml(30), xml(30, '\r\n'), xml(30, '').replace(/ {2,}/g, '')]) {
      for (let seed = 1; seed <= 40; seed++) {
        const ops = randomOps(seed, names, 25);
        expect(run(text, ops, true), `seed ${seed}`).toBe(run(text, ops, false));
      }
    }
  });

  // Padded with removals of steps in no sequence (skipped), a batch finds its items in one walk rather than one by one.
  it.each([0, 10])('finds its places when it applies, after edits behind its back, and refuses a missing reference before any edit (%i more)', (pad) => {
    const doc = readTaskSequence(xml(4));
    const group = doc.sequence.children.find((c): c is Group => c.kind === 'group') as Group;
    const [s0, s1, s2] = items(doc.sequence).filter((c) => c.kind === 'step') as [Step, Step, Step];
    const batch = editBatch(doc.sequence);
    batch.insertAfter(s1, [step('a')]);
    batch.remove(s2);
    // Behind the batch's back: s1 moves into the group, s0 is taken out.
    doc.sequence.children.splice(doc.sequence.children.indexOf(s1), 1);
    group.children.splice(group.children.length - 1, 0, s1);
    doc.sequence.children.splice(doc.sequence.children.indexOf(s0), 1);
    batch.remove(s0);
    for (let i = 0; i < pad; i++) batch.remove(step(`ghost${i}`));
    expect(batch.apply()).toBe(1);
    expect(items(group).map((i) => i.attributes.name)).toEqual(['g0', 'g1', 's1', 'a']);
    expect(items(doc.sequence).map((i) => i.attributes.name)).toEqual(['G', 's3']);
    expect(locate(doc.sequence, items(group)[3] as Step)?.path).toBe('G/a');

    const before = writeTaskSequenceText(doc);
    const refused = editBatch(doc.sequence);
    refused.insertAfter(s1, [step('b')]);
    refused.remove(s1);
    refused.insertAfter(s1, [step('c')]);
    for (let i = 0; i < pad; i++) refused.remove(step(`ghost${i}`));
    expect(() => refused.apply()).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
    expect(writeTaskSequenceText(doc)).toBe(before);
  });

  it('reads a wide parent a bounded number of times per node, however many edits it makes', () => {
    const n = 3_000;
    const doc = readTaskSequence(xml(n));
    const steps = items(doc.sequence).filter((c): c is Step => c.kind === 'step');
    const counter = { reads: 0 };
    doc.sequence.children = countingArray(doc.sequence.children, counter);
    const batch = editBatch(doc.sequence);
    for (let i = 0; i < n; i += 2) batch.insertAfter(steps[i] as Step, [step(`n${i}`)]);
    for (let i = 1; i < n; i += 2) batch.remove(steps[i] as Step);
    batch.apply();
    // One by one, each edit moved (so read) the siblings after its place: about n²/2 reads here.
    expect(counter.reads).toBeLessThan(20 * n);
    const names = items(doc.sequence).map((i) => i.attributes.name);
    expect(names.length).toBe(1 + n);
    expect(names.slice(0, 5)).toEqual(['G', 's0', 'n0', 's2', 'n2']);
  });
});

describe('insert-steps-after makes its insertions as one batch', () => {
  it('after every step of a wide sequence, reading the sequence a bounded number of times per step', () => {
    const n = 2_000;
    // Every tenth step has a condition on a variable the step itself can change: it is wrapped in a group meanwhile.
    const cond = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">0</variable><variable name="Variable">_SMSTSLastActionSucceeded</variable></expression></condition>';
    const text = `<sequence version="3.10">\n${Array.from({ length: n }, (_, i) => `  <step type="SMS_TaskSequence_RunCommandLineAction" name="s${i}">${i % 10 === 3 ? cond : ''}<action>x</action></step>\n`).join('')}</sequence>\n`;
    const doc = readTaskSequence(text);
    const counter = { reads: 0 };
    doc.sequence.children = countingArray(doc.sequence.children, counter);
    const report = applyTransform('insert-steps-after', doc, { after: { type: 'SMS_TaskSequence_RunCommandLineAction' }, steps: [{ type: 'set-variable', name: 'Mark', variableName: 'Done', value: 'true' }] });
    expect(report.changes).toHaveLength(n + n / 10);
    expect(counter.reads).toBeLessThan(40 * n);
    const top = items(doc.sequence);
    expect(top.length).toBe(n * 2 - n / 10);
    expect(top.slice(0, 7).map((i) => `${i.kind} ${i.attributes.name}`)).toEqual(['step s0', 'step Mark', 'step s1', 'step Mark', 'step s2', 'step Mark', 'group s3']);
    expect(items(top[6] as Group).map((i) => i.attributes.name)).toEqual(['s3', 'Mark']);
    // And a second run finds everything in place.
    expect(applyTransform('insert-steps-after', doc, { after: { type: 'SMS_TaskSequence_RunCommandLineAction' }, steps: [{ type: 'set-variable', name: 'Mark', variableName: 'Done', value: 'true' }] }).changed).toBe(false);
  });
});
