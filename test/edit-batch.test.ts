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

// A group the batch removes takes its items out of the sequence with it, as removeItem does: what the batch does after
// that with an item inside it is what one by one would do, an insertion after it refused (STEP_NOT_FOUND, before any
// edit), a removal of it skipped (not counted), and an insertion of it allowed (it is in no sequence any more).
describe('editBatch after removing a group', () => {
  const text = xml(2);
  const setup = () => {
    const doc = readTaskSequence(text);
    const group = doc.sequence.children.find((c): c is Group => c.kind === 'group') as Group;
    const [g0, g1] = items(group) as [Step, Step];
    const [s0] = items(doc.sequence).filter((c) => c.kind === 'step') as [Step];
    return { doc, group, g0, g1, s0 };
  };

  it('refuses an insertion after an item in the removed group with STEP_NOT_FOUND, before any edit', () => {
    const { doc, group, g0 } = setup();
    const batch = editBatch(doc.sequence);
    batch.remove(group);
    batch.insertAfter(g0, [step('N')]);
    expect(() => batch.apply()).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
    expect(writeTaskSequenceText(doc)).toBe(text);
    // One by one, the same.
    removeItem(doc.sequence, group);
    expect(() => insertAfter(doc.sequence, g0, [step('N')])).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
  });

  it('refuses an insertion after an item the batch put into the group before removing it', () => {
    const { doc, group, g0 } = setup();
    const added = step('A');
    const batch = editBatch(doc.sequence);
    batch.insertAfter(g0, [added]);
    batch.remove(group);
    batch.insertAfter(added, [step('N')]);
    expect(() => batch.apply()).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
    expect(writeTaskSequenceText(doc)).toBe(text);
  });

  it('refuses an insertion after an item the batch removed itself (and one after an item it removed and put back is made)', () => {
    const { doc, g0, s0 } = setup();
    const refused = editBatch(doc.sequence);
    refused.remove(s0);
    refused.insertAfter(s0, [step('N')]);
    expect(() => refused.apply()).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
    expect(writeTaskSequenceText(doc)).toBe(text);
    const moved = editBatch(doc.sequence);
    moved.remove(s0);
    moved.insertAfter(g0, [s0]);
    moved.insertAfter(s0, [step('N')]);
    expect(moved.apply()).toBe(1);
    expect(items(doc.sequence.children.find((c): c is Group => c.kind === 'group') as Group).map((i) => i.attributes.name)).toEqual(['g0', 's0', 'N', 'g1']);
  });

  it('skips, and does not count, a removal of an item in the removed group, which keeps it', () => {
    const { doc, group, g0 } = setup();
    const batch = editBatch(doc.sequence);
    batch.remove(group);
    batch.remove(g0);
    expect(batch.apply()).toBe(1);
    expect(items(doc.sequence).map((i) => i.attributes.name)).toEqual(['s0', 's1']);
    expect(items(group).map((i) => i.attributes.name)).toEqual(['g0', 'g1']);
  });

  it('inserts an item taken out with its group elsewhere, as one by one does', () => {
    const { doc, group, g1, s0 } = setup();
    const batch = editBatch(doc.sequence);
    batch.remove(group);
    batch.insertAfter(s0, [g1]);
    expect(batch.apply()).toBe(1);
    const batched = writeTaskSequenceText(doc);
    const one = setup();
    removeItem(one.doc.sequence, one.group);
    insertAfter(one.doc.sequence, one.s0, [one.g1]);
    expect(batched).toBe(writeTaskSequenceText(one.doc));
    expect(items(doc.sequence).map((i) => i.attributes.name)).toEqual(['s0', 'g1', 's1']);
  });

  it('gives what one by one gives, or refuses what one by one refuses, on random edits that remove groups and name items gone', () => {
    type Edit = NamedEdit;
    const oneByOne = (edits: Edit[]) => namedOneByOne(edits);
    const batched = (edits: Edit[]) => namedBatched(edits);
    let refusedRuns = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const names = ['G', 'g0', 'H', 'h0', 's0', 's1'];
      const removed = new Set<string>();
      const edits: Edit[] = [];
      // 4 to 12 edits: more than 8 find their items in one walk of the sequence rather than one by one.
      for (let i = 0; i < 4 + (seed % 9); i++) {
        const pick = () => names[Math.floor(next() * names.length)] as string;
        // Mostly an item not removed by name (it may still be gone with its group), so that runs get far.
        const present = () => {
          const left = names.filter((n) => !removed.has(n));
          return left.length > 0 && next() < 0.8 ? (left[Math.floor(next() * left.length)] as string) : pick();
        };
        const r = next();
        if (r < 0.35) {
          const name = present();
          removed.add(name);
          edits.push({ remove: name });
        } else {
          // New steps, or (moving) an item named already: refused by both while it is in the sequence.
          const added = r < 0.93 ? [`n${i}`] : [pick()];
          edits.push({ after: present(), names: added });
          for (const n of added) {
            removed.delete(n);
            if (!names.includes(n)) names.push(n);
          }
        }
      }
      const expected = oneByOne(edits);
      if ('code' in expected) refusedRuns++;
      expect(batched(edits), `seed ${seed}: ${JSON.stringify(edits)}`).toEqual(expected);
    }
    // Both kinds of run were made.
    expect(refusedRuns).toBeGreaterThan(30);
    expect(refusedRuns).toBeLessThan(270);
  });
});

/** The sequence the named edits below start from: G (g0, H (h0)), s0, s1. */
const GROUP_TEXT = `<sequence version="3.10">\n  <group name="G">\n    <step type="X" name="g0"/>\n    <group name="H">\n      <step type="X" name="h0"/>\n    </group>\n  </group>\n  <step type="X" name="s0"/>\n  <step type="X" name="s1"/>\n</sequence>\n`;

/** A new group, made before any edit and filled by hand with the items named (new steps for names not known). */
type Wrap = { wrap: string; holds: string[] };
/** An edit by names: an insertion of the items named (new steps for names not known, or the groups `wraps` makes), or a removal. */
type NamedEdit = { after: string; names: string[]; wraps?: Wrap[] } | { remove: string };

/** A fresh read of GROUP_TEXT (linked when `linked`: looked up often enough), its items by name, and the new groups. */
function prepareNamed(edits: NamedEdit[], linked: boolean) {
  const doc = readTaskSequence(GROUP_TEXT);
  const byName = namesOf(doc.sequence);
  if (linked) for (let i = 0; i < 12; i++) for (const it of byName.values()) locate(doc.sequence, it);
  const wraps = edits.flatMap((e) => ('wraps' in e ? (e.wraps ?? []) : []));
  for (const w of wraps) byName.set(w.wrap, { kind: 'group', tag: 'group', attributes: { name: w.wrap }, children: [] });
  for (const w of wraps) (byName.get(w.wrap) as Group).children.push(...itemsFor(byName, w.holds));
  return { doc, byName };
}

/** What edits made: the text and removals, or the code of the refusal. */
type Outcome = { text?: string; removals?: number; code?: string | undefined };

/** Makes `edits` one by one: the text and removals made, or the code of the first refusal. */
function namedOneByOne(edits: NamedEdit[], linked = false): Outcome {
  const { doc, byName } = prepareNamed(edits, linked);
  let removals = 0;
  try {
    for (const e of edits) {
      if ('remove' in e) {
        try {
          removeItem(doc.sequence, byName.get(e.remove) as SequenceItem);
          removals++;
        } catch (err) {
          // A removal of an item that is not there: what the batch skips.
          if ((err as { code?: string }).code !== 'STEP_NOT_FOUND') throw err;
        }
      } else insertAfter(doc.sequence, byName.get(e.after) as SequenceItem, itemsFor(byName, e.names));
    }
  } catch (err) {
    return { code: (err as { code?: string }).code };
  }
  return { text: writeTaskSequenceText(doc), removals };
}

/** Makes `edits` as one batch: the text and removals made, or the code of its refusal, which changed nothing. */
function namedBatched(edits: NamedEdit[], linked = false): Outcome {
  const { doc, byName } = prepareNamed(edits, linked);
  const batch = editBatch(doc.sequence);
  for (const e of edits) {
    if ('remove' in e) batch.remove(byName.get(e.remove) as SequenceItem);
    else batch.insertAfter(byName.get(e.after) as SequenceItem, itemsFor(byName, e.names));
  }
  try {
    const removals = batch.apply();
    return { text: writeTaskSequenceText(doc), removals };
  } catch (err) {
    // Refused before any edit (a refusal mid-way could leave a group inside itself, which no writer prints).
    expect(writeTaskSequenceText(doc)).toBe(GROUP_TEXT);
    return { code: (err as { code?: string }).code };
  }
}

/**
 * Names for random edits of the sequence of G (g0, H (h0)), s0, s1, and what they put in: `names` all known so far,
 * `out` those taken out and not put back (by name: an item may also be gone with a group, or still in one), which
 * `take` strikes off. `present` is mostly (`p.present`) a name not taken out, so that runs get far; `absent` mostly
 * (`p.out`) one taken out, to put in again, else mostly (`p.fresh`) the new name it is given, else any.
 */
function nameSource(next: () => number, p: { present: number; out: number; fresh: number }) {
  const names = ['G', 'g0', 'H', 'h0', 's0', 's1'];
  const pick = () => names[Math.floor(next() * names.length)] as string;
  const out: string[] = [];
  const take = (n: string) => {
    const at = out.indexOf(n);
    if (at >= 0) out.splice(at, 1);
  };
  const present = () => {
    const left = names.filter((n) => !out.includes(n));
    return left.length > 0 && next() < p.present ? (left[Math.floor(next() * left.length)] as string) : pick();
  };
  const absent = (fresh: string) => (out.length && next() < p.out ? (out[Math.floor(next() * out.length)] as string) : next() < p.fresh ? fresh : pick());
  return { names, out, take, present, absent };
}

/** Every step and group under `parent` by name. */
function namesOf(parent: Sequence | Group, into = new Map<string, SequenceItem>()): Map<string, SequenceItem> {
  for (const it of items(parent)) {
    into.set(it.attributes.name ?? '', it);
    if (it.kind === 'group') namesOf(it, into);
  }
  return into;
}

/** The items named `names`: those known, and a new step (remembered) for each other name. */
function itemsFor(byName: Map<string, SequenceItem>, names: string[]): SequenceItem[] {
  return names.map((n) => {
    let it = byName.get(n);
    if (!it) byName.set(n, (it = step(n)));
    return it;
  });
}

describe('editBatch moving many groups read from the text', () => {
  it('looks for the steps inside them in one walk of the sequence, not one walk per group', () => {
    // Each moved group holds steps that may be in the sequence (read from its text): looked for one group at a time,
    // a batch moving N groups walked the sequence N times (8,000 groups: 10 s).
    const n = 2_000;
    const text = `<sequence version="3.10">\n${Array.from({ length: n }, (_, i) => `  <group name="g${i}">\n    <step type="X" name="a${i}"/>\n    <step type="X" name="b${i}"/>\n  </group>\n  <step type="X" name="t${i}"/>\n`).join('')}</sequence>\n`;
    const doc = readTaskSequence(text);
    const top = items(doc.sequence);
    const counter = { reads: 0 };
    doc.sequence.children = countingArray(doc.sequence.children, counter);
    const batch = editBatch(doc.sequence);
    for (let i = 0; i < top.length; i += 2) {
      batch.remove(top[i] as Group);
      batch.insertAfter(top[i + 1] as Step, [top[i] as Group]);
    }
    expect(batch.apply()).toBe(n);
    // The sequence has 4n children (with the whitespace): n walks of it are 4n² reads.
    expect(counter.reads).toBeLessThan(40 * n);
    const names = items(doc.sequence).map((i) => i.attributes.name);
    expect(names.slice(0, 4)).toEqual(['t0', 'g0', 't1', 'g1']);
    expect(items(top[0] as Group).map((i) => i.attributes.name)).toEqual(['a0', 'b0']);
  });
});

describe('editBatch with new groups that hold items', () => {
  // A new group may hold steps and groups of the sequence the batch took out before (put into it by hand before the
  // batch is applied), new steps, and other new groups. While the batch has it in the sequence, what it holds is in
  // the sequence: given again, it is refused; removed, it is taken out of the group; named as a place, an insertion
  // goes after it inside the group. What one by one does, pinned on random edits.
  type Edit = { after: string; names: string[] } | { remove: string } | { after: string; wrap: string; holds: string[] };
  const named = (edits: Edit[]): NamedEdit[] => edits.map((e) => ('wrap' in e ? { after: e.after, names: [e.wrap], wraps: [{ wrap: e.wrap, holds: e.holds }] } : e));
  const oneByOne = (edits: Edit[]) => namedOneByOne(named(edits));
  const batched = (edits: Edit[]) => namedBatched(named(edits));

  it('puts in a group holding a step the batch took out, and refuses that step given again while the group is in', () => {
    const take: Edit[] = [{ remove: 's0' }, { after: 's1', wrap: 'W', holds: ['s0'] }];
    const made = batched(take);
    expect(made).toEqual(oneByOne(take));
    expect(made.text).toContain('<group name="W">\n    <step type="X" name="s0"/>\n  </group>');
    // Given again elsewhere (the case one by one refused and a batch accepted, leaving the step in two places).
    for (const again of [
      [...take, { after: 'g0', names: ['s0'] }],
      [...take, { after: 'g0', wrap: 'V', holds: ['s0'] }],
    ] as Edit[][]) {
      expect(oneByOne(again)).toEqual({ code: 'INVALID_ARGUMENT' });
      expect(batched(again)).toEqual({ code: 'INVALID_ARGUMENT' });
    }
    // Once the group is out again, the step may go elsewhere.
    const after: Edit[] = [...take, { remove: 'W' }, { after: 'g0', names: ['s0'] }];
    expect(batched(after)).toEqual(oneByOne(after));
    expect(batched(after).text).toContain('name="g0"/>\n    <step type="X" name="s0"/>');
  });

  it('removes a step from a group it put in, and inserts after a step inside it, as one by one does', () => {
    const edits: Edit[] = [{ after: 's1', wrap: 'W', holds: ['a', 'b'] }, { remove: 'a' }, { after: 'b', names: ['c'] }];
    const made = batched(edits);
    expect(made).toEqual(oneByOne(edits));
    expect(made.removals).toBe(1);
    expect(made.text).toContain('<group name="W">\n    <step type="X" name="b"/>\n    <step type="X" name="c"/>\n  </group>');
  });

  it('moves a group after taking a step out of it, and the step elsewhere, as one by one does', () => {
    const edits: Edit[] = [{ remove: 'g0' }, { after: 's1', names: ['g0'] }, { remove: 'G' }, { after: 's0', names: ['G'] }];
    const made = batched(edits);
    expect(made).toEqual(oneByOne(edits));
    expect(made.text?.split('name="g0"')).toHaveLength(2);
  });

  it('gives what one by one gives, or refuses what one by one refuses, on random edits with new groups', () => {
    let refusedRuns = 0;
    let relaidRuns = 0;
    let insideRuns = 0;
    // Without whitespace between tags, an element left empty written as empty either way.
    const strip = (text: string) => text.replace(/>\s+</g, '><').replace(/<(\w+)([^<>]*)(?<!\/)><\/\1>/g, '<$1$2/>');
    /**
     * Whether the edits may lay out a new group differently one by one: when it is given again after it was put in
     * (itself, or held by another new group), or an edit takes out or inserts after something it holds. One by one
     * lays a new group out when it goes in, and layOut leaves a subtree with whitespace alone (a group moved deeper
     * keeps its indentation; one emptied keeps its closing line); the batch lays each out once, as it ends up.
     */
    const layoutMayDiffer = (edits: Edit[]) =>
      edits.some((e, i) => {
        if (!('wrap' in e)) return false;
        const inside = new Set([e.wrap, ...e.holds]);
        return edits.slice(i + 1).some((later) => {
          const named = 'wrap' in later ? [...later.holds, later.after] : 'names' in later ? [...later.names, later.after] : [later.remove];
          return named.some((n) => inside.has(n));
        });
      });
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const { names, out, take, present, absent } = nameSource(next, { present: 0.8, out: 0.8, fresh: 0.7 });
      const edits: Edit[] = [];
      for (let i = 0; i < 3 + (seed % 10); i++) {
        const r = next();
        if (r < 0.3) {
          const name = present();
          out.push(name);
          edits.push({ remove: name });
        } else if (r < 0.55) {
          // A new group holding one to three items: mostly new steps or ones taken out before (of the sequence, or new
          // groups put in before), sometimes any.
          const holds = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, (_, k) => absent(`n${i}_${k}`)))];
          edits.push({ after: present(), wrap: `W${i}`, holds });
          for (const n of holds) take(n);
          names.push(`W${i}`, ...holds.filter((n) => !names.includes(n)));
        } else {
          const added = [next() < 0.6 ? `n${i}` : absent(`n${i}`)];
          edits.push({ after: present(), names: added });
          for (const n of added) {
            take(n);
            if (!names.includes(n)) names.push(n);
          }
        }
      }
      const expected = oneByOne(edits);
      if ('code' in expected) refusedRuns++;
      const got = batched(edits);
      const why = `seed ${seed}: ${JSON.stringify(edits)}`;
      if (!('code' in expected) && layoutMayDiffer(edits)) insideRuns++;
      if (got.text !== undefined && expected.text !== undefined && got.text !== expected.text && layoutMayDiffer(edits)) {
        // Only the whitespace differs (see layoutMayDiffer).
        relaidRuns++;
        expect(strip(got.text), why).toBe(strip(expected.text));
        expect(got.removals, why).toBe(expected.removals);
      } else expect(got, why).toEqual(expected);
    }
    // Runs made that edit inside new groups, runs refused, and runs made: each kind is there.
    expect(insideRuns).toBeGreaterThan(30);
    expect(relaidRuns).toBeLessThan(40);
    expect(refusedRuns).toBeGreaterThan(40);
    expect(refusedRuns).toBeLessThan(340);
  });
});

describe('editBatch moving items that hold what the batch put in', () => {
  // What the batch put inside a group (after a step of it) is in that group, for the batch, as it is one by one: when
  // the group goes in again, each such item is there with it (refused if it is in the sequence already, a place to
  // insert after, removable). An item the batch placed, then put by hand into a new group, is where that group is.
  // Pinned on named cases and on random edits, in trees searched and trees linked (after many lookups).
  type Edit = NamedEdit;
  const oneByOne = namedOneByOne;
  const batched = namedBatched;
  // Without whitespace between tags, an element left empty written as empty either way (see the random edits above).
  const strip = (t: string) => t.replace(/>\s+</g, '><').replace(/<(\w+)([^<>]*)(?<!\/)><\/\1>/g, '<$1$2/>');

  it('refuses a group put in again while it holds a group that would then hold it (it stood inside itself)', () => {
    // W goes into G, G out (W with it), W in again, G after a step of W: G holds W, which holds G.
    const edits: Edit[] = [{ after: 'g0', names: ['W'], wraps: [{ wrap: 'W', holds: ['w0'] }] }, { remove: 'G' }, { after: 's0', names: ['W'] }, { after: 'w0', names: ['G'] }];
    for (const linked of [false, true]) {
      expect(oneByOne(edits, linked)).toEqual({ code: 'INVALID_ARGUMENT' });
      expect(batched(edits, linked)).toEqual({ code: 'INVALID_ARGUMENT' });
    }
  });

  it('moves a group into a new group inside it, in a linked tree, as one by one does', () => {
    // H out, a new W holding H in, G out, G after h0 (in H, in W): the arrays are linked once all are refilled.
    const edits: Edit[] = [{ remove: 'H' }, { after: 's0', names: ['W'], wraps: [{ wrap: 'W', holds: ['H'] }] }, { remove: 'G' }, { after: 'h0', names: ['G'] }];
    for (const linked of [false, true]) {
      const made = batched(edits, linked);
      expect(made).toEqual(oneByOne(edits, linked));
      // (A group moved deeper keeps its own indentation, one by one and in a batch.)
      expect(strip(made.text as string)).toContain('<group name="W"><group name="H"><step type="X" name="h0"/><group name="G"><step type="X" name="g0"/></group></group></group>');
    }
  });

  it('refuses a step put in by the batch, then by hand into a new group put in, when it is given again', () => {
    // n goes into G, G out (n with it), n by hand into a new V that goes in: n is in V, and given again is refused.
    const edits: Edit[] = [{ after: 'g0', names: ['n'] }, { remove: 'G' }, { after: 's0', names: ['V'], wraps: [{ wrap: 'V', holds: ['n'] }] }, { after: 's1', names: ['n'] }];
    expect(oneByOne(edits)).toEqual({ code: 'INVALID_ARGUMENT' });
    expect(batched(edits)).toEqual({ code: 'INVALID_ARGUMENT' });
    // Removed from V first, it may go elsewhere.
    const moved: Edit[] = [...edits.slice(0, 3), { remove: 'n' }, { after: 's1', names: ['n'] }];
    const made = batched(moved);
    // Emptied, the new group is written empty (laid out once, as it ends up), where one by one left its closing line.
    expect(strip(made.text as string)).toBe(strip(oneByOne(moved).text as string));
    expect(made.text).toContain('<step type="X" name="s0"/>\n  <group name="V"/>\n  <step type="X" name="s1"/>\n  <step type="X" name="n"/>');
  });

  it('refuses, one by one and in a batch, two new groups given together that hold the same step', () => {
    const edits: Edit[] = [{ after: 's0', names: ['A', 'B'], wraps: [{ wrap: 'A', holds: ['x'] }, { wrap: 'B', holds: ['x'] }] }];
    expect(oneByOne(edits)).toEqual({ code: 'INVALID_ARGUMENT' });
    expect(batched(edits)).toEqual({ code: 'INVALID_ARGUMENT' });
  });

  it('sees what the batch put into a group it moves again, refusing it given twice and inserting after it', () => {
    // n goes after g0, G moves: n moves with it; given again it is refused, and an insertion after it is made.
    const base: Edit[] = [{ after: 'g0', names: ['n'] }, { remove: 'G' }, { after: 's1', names: ['G'] }];
    expect(batched([...base, { after: 's0', names: ['n'] }])).toEqual({ code: 'INVALID_ARGUMENT' });
    expect(oneByOne([...base, { after: 's0', names: ['n'] }])).toEqual({ code: 'INVALID_ARGUMENT' });
    const after: Edit[] = [...base, { after: 'n', names: ['m'] }, { remove: 'h0' }];
    const made = batched(after);
    expect(made).toEqual(oneByOne(after));
    expect(made.text).toContain('name="g0"/>\n    <step type="X" name="n"/>\n    <step type="X" name="m"/>');
  });

  it('gives what one by one gives, or refuses what one by one refuses, on random edits that move what they put in', () => {
    const counts = { refused: 0, made: 0, relaid: 0 };
    for (let seed = 1; seed <= 700; seed++) {
      const next = random(seed);
      const { names, out, take, present, absent } = nameSource(next, { present: 0.93, out: 0.7, fresh: 0.85 });
      const edits: Edit[] = [];
      for (let i = 0; i < 3 + (seed % 12); i++) {
        if (next() < 0.3) {
          const name = present();
          out.push(name);
          edits.push({ remove: name });
          continue;
        }
        // One item or two, each a new group holding one to three items (new, taken out, or any) or a single item.
        const e = { after: present(), names: [] as string[], wraps: [] as Wrap[] };
        const count = next() < 0.8 ? 1 : 2;
        for (let k = 0; k < count; k++) {
          if (next() < 0.45) {
            const holds = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, (_, j) => absent(`n${i}_${k}_${j}`)))];
            e.wraps.push({ wrap: `W${i}_${k}`, holds });
            e.names.push(`W${i}_${k}`);
            for (const n of holds) take(n);
            names.push(`W${i}_${k}`, ...holds.filter((n) => !names.includes(n)));
          } else {
            const n = next() < 0.4 ? `n${i}_${k}` : absent(`n${i}_${k}`);
            if (!e.names.includes(n)) e.names.push(n);
            take(n);
            if (!names.includes(n)) names.push(n);
          }
        }
        edits.push(e);
      }
      for (const linked of [false, true]) {
        const expected = oneByOne(edits, linked);
        const got = batched(edits, linked);
        const why = `seed ${seed}${linked ? ' linked' : ''}: ${JSON.stringify(edits)}`;
        if ('code' in expected) counts.refused++;
        else counts.made++;
        if (got.text !== undefined && expected.text !== undefined && got.text !== expected.text) {
          // A new group is laid out once, as it ends up (see editBatch's apply): only the whitespace may differ.
          counts.relaid++;
          expect(strip(got.text), why).toBe(strip(expected.text));
          expect(got.removals, why).toBe(expected.removals);
        } else expect(got, why).toEqual(expected);
      }
    }
    // Both kinds of run, and few laid out otherwise.
    expect(counts.made).toBeGreaterThan(300);
    expect(counts.refused).toBeGreaterThan(300);
    expect(counts.relaid).toBeLessThan(counts.made / 4);
  });

  it('finds steps and groups taken out by hand and put back one per insertion in one walk, not one per item', () => {
    // Taken out by hand, their parent links are stale: each looked up alone searched the sequence (16,000: 1–15 s).
    const n = 2_000;
    const text2 = `<sequence version="3.10">\n  <step type="X" name="anchor"/>\n${Array.from({ length: n }, (_, i) => (i % 2 ? `  <step type="X" name="s${i}"/>\n` : `  <group name="g${i}">\n    <step type="X" name="a${i}"/>\n  </group>\n`)).join('')}</sequence>\n`;
    const doc = readTaskSequence(text2);
    const all = items(doc.sequence);
    for (let i = 0; i < 12; i++) locate(doc.sequence, all[1] as SequenceItem);
    const anchor = all[0] as Step;
    const moved = all.slice(1);
    const counter = { reads: 0 };
    doc.sequence.children = countingArray(
      doc.sequence.children.filter((c) => !moved.includes(c as SequenceItem)),
      counter,
    );
    const batch = editBatch(doc.sequence);
    for (const it of moved) batch.insertAfter(anchor, [it]);
    expect(batch.apply()).toBe(0);
    // The sequence has about 2n children (with the whitespace) once they are back: one walk per item is 2n² reads.
    expect(counter.reads).toBeLessThan(40 * n);
    const names = items(doc.sequence).map((i) => i.attributes.name);
    expect(names).toHaveLength(n + 1);
    expect(names.slice(0, 3)).toEqual(['anchor', `s${n - 1}`, `g${n - 2}`]);
  });
});

describe('editBatch on deep moves and odd trees', () => {
  const deep = `<sequence version="3.10">\n  <group name="A">\n    <step type="X" name="a0"/>\n    <group name="B">\n      <step type="X" name="b0"/>\n      <group name="C">\n        <step type="X" name="c0"/>\n        <group name="D">\n          <step type="X" name="d0"/>\n        </group>\n      </group>\n    </group>\n    <step type="X" name="a1"/>\n  </group>\n</sequence>\n`;
  const other = `<sequence version="3.10">\n  <group name="F">\n    <group name="K">\n      <step type="X" name="k0"/>\n    </group>\n  </group>\n</sequence>\n`;
  const strip = (t: string) => t.replace(/>\s+</g, '><');
  /** C out of B and in after a1, B out and in after D (inside C), with a group from another document put in first. */
  const run = (batched: boolean) => {
    const doc = readTaskSequence(deep);
    const by = namesOf(doc.sequence);
    const home = readTaskSequence(other);
    const f = items(home.sequence)[0] as Group;
    removeItem(home.sequence, f);
    const w = step('W0');
    const edits: [SequenceItem, SequenceItem[] | undefined][] = [
      [by.get('a1') as SequenceItem, [f]],
      [items(f)[0] as Group, [w]],
      [by.get('C') as SequenceItem, undefined],
      [w, [by.get('C') as SequenceItem]],
      [by.get('B') as SequenceItem, undefined],
      [by.get('D') as SequenceItem, [by.get('B') as SequenceItem]],
    ];
    const batch = editBatch(doc.sequence);
    for (const [at, put] of edits) {
      if (put === undefined) {
        if (batched) batch.remove(at);
        else removeItem(doc.sequence, at);
      } else if (batched) batch.insertAfter(at, put);
      else insertAfter(doc.sequence, at, put);
    }
    if (batched) batch.apply();
    return writeTaskSequenceText(doc);
  };

  it('lays items out once every parent is refilled: a group put into one it was taken out of is not walked round', () => {
    // Laid out while its parent was refilled, a group from another document was walked through B before B's array
    // dropped C, which by then held B: the walk never ended, and V8 aborted the process.
    const made = run(true);
    expect(strip(made)).toBe(strip(run(false)));
    expect(strip(made)).toContain('<group name="C"><step type="X" name="c0"/><group name="D"><step type="X" name="d0"/></group><group name="B"><step type="X" name="b0"/></group></group>');
  });

  it('finds no step inside a step, as one by one finds none (a place to insert after, or to remove)', () => {
    const text = `<sequence version="3.10">\n  <step type="X" name="s0"/>\n  <step type="X" name="s1"/>\n</sequence>\n`;
    for (const batched of [false, true]) {
      const doc = readTaskSequence(text);
      const [s0, s1] = items(doc.sequence) as [Step, Step];
      const q = step('q');
      const p: Step = { ...step('p'), children: [q] };
      const batch = editBatch(doc.sequence);
      if (batched) {
        batch.insertAfter(s0, [p]);
        batch.insertAfter(q, [step('x')]);
        expect(() => batch.apply()).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
        batch.insertAfter(s0, [p]);
        batch.remove(q);
        expect(batch.apply()).toBe(0);
      } else {
        insertAfter(doc.sequence, s0, [p]);
        expect(() => insertAfter(doc.sequence, q, [step('x')])).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
        expect(() => removeItem(doc.sequence, q)).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
      }
      expect(writeTaskSequenceText(doc)).toContain('<step type="X" name="p">\n    <step type="X" name="q"/>\n  </step>\n  <step type="X" name="s1"/>');
      expect(items(doc.sequence)).toEqual([s0, p, s1]);
    }
  });

  it('checks what a group wrapped again and again holds without climbing every wrap for each item', () => {
    // Each wrap (the group taken out, a new group holding it put in) checks every group inside it; each check climbed
    // all the wraps above it (N wraps: N³ steps of the climb; 2,000 took 28 s). Counted as lookups in the batch's maps.
    const n = 300;
    // Read with room for the 300 levels the wraps make: the writer writes no deeper than the document was read with.
    const doc = readTaskSequence(`<sequence version="3.10">\n  <step type="X" name="a"/>\n</sequence>\n`, { maxDepth: n + 10 });
    const a = items(doc.sequence)[0] as Step;
    const batch = editBatch(doc.sequence);
    let inner: Group = { kind: 'group', tag: 'group', attributes: { name: 'w0' }, children: [step('x')] };
    batch.insertAfter(a, [inner]);
    for (let i = 1; i < n; i++) {
      batch.remove(inner);
      const outer: Group = { kind: 'group', tag: 'group', attributes: { name: `w${i}` }, children: [inner] };
      batch.insertAfter(a, [outer]);
      inner = outer;
    }
    const get = Map.prototype.get;
    let gets = 0;
    Map.prototype.get = function (this: Map<unknown, unknown>, key: unknown) {
      gets++;
      return get.call(this, key);
    };
    try {
      expect(batch.apply()).toBe(n - 1);
    } finally {
      Map.prototype.get = get;
    }
    // Each wrap walks what it holds (about n items): n² is what one by one pays too; the climbs made it n³/6.
    expect(gets).toBeLessThan(40 * n * n);
    expect(gets).toBeGreaterThan(n);
    expect(writeTaskSequenceText(doc).split('<group').length - 1).toBe(n);
  });
});
