// parentOf and nextItem keep links and noted places between lookups (parents.ts). These tests hold their answers to
// a plain walk's through a seeded run of edits of every kind mixed with lookups: the library's own (insertAfter,
// removeItem, moveItem, editBatch) and plain splices behind the links' back (leaves and items moved between parents,
// removed, put back elsewhere, a parent's children reversed), and through a clone of the document.
import { describe, expect, it } from 'vitest';
import {
  createRunCommandLineStep,
  editBatch,
  insertAfter,
  moveItem,
  nextItem,
  parentOf,
  readTaskSequence,
  removeItem,
  visit,
  type Node,
  type Parent,
  type Sequence,
  type SequenceItem,
} from './helpers/api.js';

const step = (i: number) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="S${i}"><action>x</action><defaultVarList><variable name="CommandLine" property="CommandLine">c${i}</variable></defaultVarList></step>`;
const xml = `<sequence version="3.10">\n${Array.from({ length: 6 }, (_, g) => `<group name="G${g}">\n${Array.from({ length: 8 }, (_, i) => `${step(g * 10 + i)}\n<!-- c -->\n`).join('')}</group>\n`).join('')}</sequence>\n`;

type Place = { node: Node; parent: Parent; index: number };
/** Every node under `root` with its parent and index, by a plain walk. */
function places(root: Parent): Place[] {
  const out: Place[] = [];
  visit(root, (n, ancestors, index) => {
    if (n !== root) out.push({ node: n, parent: ancestors[ancestors.length - 1] as Parent, index });
  });
  return out;
}
const isItem = (n: Node): n is SequenceItem => n.kind === 'step' || n.kind === 'group' || n.kind === 'subtasksequence';
/** nextItem's answer by a plain search of the parent. */
function plainNext(parent: Parent, item: Node): Node | undefined {
  const kids = parent.children;
  for (let j = kids.indexOf(item) + 1; j < kids.length; j++) if (isItem(kids[j] as Node)) return kids[j];
  return undefined;
}

describe('parentOf and nextItem through edits between lookups', () => {
  it('answer as a plain walk does after every edit, through the API and behind its back', () => {
    for (let round = 0; round < 12; round++) {
      let seed = round + 1;
      const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
      const { sequence } = readTaskSequence(xml);
      const taken: Node[] = [];
      for (let op = 0; op < 60; op++) {
        const all = places(sequence);
        const items = all.filter((x) => isItem(x.node));
        const leaves = all.filter((x) => !('children' in x.node));
        if (items.length < 2 || leaves.length < 2) break;
        const pick = <T>(list: T[]): T => list[rnd(list.length)] as T;
        const item = () => pick(items).node as SequenceItem;
        try {
          switch (rnd(10)) {
            case 0: moveItem(sequence, item(), { after: item() }); break;
            case 1: { const i = item(); removeItem(sequence, i); taken.push(i); break; }
            case 2: insertAfter(sequence, item(), [createRunCommandLineStep({ name: `n${op}`, commandLine: 'x' })]); break;
            case 3: {
              // A leaf moved to another parent by plain splices.
              const l = pick(leaves);
              l.parent.children.splice(l.index, 1);
              const to = (pick(all.filter((x) => 'children' in x.node)).node as Parent).children;
              to.splice(rnd(to.length + 1), 0, l.node);
              break;
            }
            case 4: { const i = pick(items); i.parent.children.splice(i.index, 1); taken.push(i.node); break; }
            case 5: {
              // An item taken out before put back into the first group, unless that group is inside it.
              const r = taken.pop();
              const g = items.find((x) => x.node.kind === 'group')?.node as Parent | undefined;
              if (r && g && !('children' in r && places(r).some((x) => x.node === g))) g.children.splice(rnd(g.children.length + 1), 0, r);
              break;
            }
            case 6: pick(items).parent.children.reverse(); break;
            case 7: { const l = pick(leaves); l.parent.children.splice(l.index, 1); taken.push(l.node); break; }
            case 8: {
              const i = taken.findIndex((n) => !('children' in n));
              if (i !== -1) { const l = pick(leaves); l.parent.children.splice(l.index, 0, taken[i] as Node); taken.splice(i, 1); }
              break;
            }
            default: {
              const batch = editBatch(sequence);
              const a = item();
              const b = item();
              batch.insertAfter(a, [createRunCommandLineStep({ name: `b${op}`, commandLine: 'x' })]);
              if (b !== a) batch.remove(b);
              batch.apply();
            }
          }
        } catch (e) {
          // A refused edit (a move into itself) leaves the tree as it was; anything else is a failure.
          if (!(e as { code?: string }).code) throw e;
        }
        const now = places(sequence);
        for (let q = 0; q < 12; q++) {
          const x = pick(now);
          expect(parentOf(sequence, x.node), `round ${round}, edit ${op}`).toStrictEqual({ parent: x.parent, index: x.index });
          if (isItem(x.node)) expect(nextItem(x.parent as Sequence, x.node), `round ${round}, edit ${op}`).toBe(plainNext(x.parent, x.node));
        }
        for (const n of taken) if (!now.some((x) => x.node === n)) expect(parentOf(sequence, n), `round ${round}, edit ${op}`).toBeUndefined();
      }
    }
  });

  it('a clone answers for its own nodes, and not for the original\'s', () => {
    const doc = readTaskSequence(xml);
    const mine = places(doc.sequence);
    for (const x of mine) parentOf(doc.sequence, x.node);
    const copy = doc.clone();
    const theirs = places(copy.sequence);
    for (const x of theirs) expect(parentOf(copy.sequence, x.node)).toStrictEqual({ parent: x.parent, index: x.index });
    for (const x of mine) expect(parentOf(copy.sequence, x.node)).toBeUndefined();
    for (const x of theirs) expect(parentOf(doc.sequence, x.node)).toBeUndefined();
  });
});
