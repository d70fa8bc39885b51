// nextItem without the caller's index (issue on linear cost): a walk that asks for the item after each item of a wide
// parent searched the parent once an item. After a few searches of one parent its children's places are noted; these
// tests hold the answers to the plain search's, through edits made behind the notes' back.
import { describe, expect, it } from 'vitest';
import { createRunCommandLineStep, listItems, nextItem, nextItemIndex, readTaskSequence, type Node, type Sequence, type SequenceItem } from './helpers/api.js';

const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>x</action></step>`;
const flat = (n: number) => readTaskSequence(`<sequence version="3.10">\n${Array.from({ length: n }, (_, i) => `  ${step(`S${i}`)}\n  <!-- c${i} -->\n`).join('')}</sequence>\n`).sequence;

/** What nextItem answers, by a plain search of the parent. */
function expected(parent: Sequence, item: SequenceItem): SequenceItem | undefined {
  const kids = parent.children;
  for (let i = kids.indexOf(item) + 1; i < kids.length; i++) {
    const k = kids[i] as Node;
    if (k.kind === 'step' || k.kind === 'group' || k.kind === 'subtasksequence') return k;
  }
  return undefined;
}
const names = (seq: Sequence) => listItems(seq).map((l) => nextItem(seq, l.node)?.attributes.name);
const plain = (seq: Sequence) => listItems(seq).map((l) => expected(seq, l.node)?.attributes.name);

describe('nextItem without an index, item after item', () => {
  it('answers every item of a wide parent as a search of it does, the last with undefined', () => {
    const seq = flat(50);
    const got = names(seq);
    expect(got).toStrictEqual(plain(seq));
    expect(got[0]).toBe('S1');
    expect(got[49]).toBeUndefined();
  });

  it('stays right after items are inserted and removed behind its back, near and far from their places', () => {
    const seq = flat(50);
    names(seq);
    // A plain splice at the front shifts every place by two; one far off moves an item thousands of places.
    seq.children.splice(0, 0, createRunCommandLineStep({ name: 'front', commandLine: 'x' }), { kind: 'text', value: '\n' } as Node);
    expect(names(seq)).toStrictEqual(plain(seq));
    const filler = Array.from({ length: 10_000 }, (): Node => ({ kind: 'text', value: ' ' }));
    seq.children.splice(3, 0, ...filler);
    seq.children.splice(seq.children.indexOf(listItems(seq)[10]!.node), 1);
    expect(names(seq)).toStrictEqual(plain(seq));
  });

  it('an item not in the parent: the first item, as before (a search finds it at -1)', () => {
    const seq = flat(20);
    names(seq);
    const other = flat(20);
    const stranger = listItems(other)[5]!.node;
    expect(nextItem(seq, stranger)?.attributes.name).toBe('S0');
    expect(nextItemIndex(seq, stranger)).toBe(seq.children.indexOf(listItems(seq)[0]!.node));
  });
});
