// parentOf of leaves (issue on linear cost): variables, text and comments have no parent links, and each lookup
// searched the whole tree, so a walk asking for the parent of every variable cost the tree once a variable. Past a few
// searches the tree's leaves are linked too; these tests hold the answers to a plain search's, through edits made
// behind the links' back.
import { describe, expect, it } from 'vitest';
import { parentOf, readTaskSequence, visit, type Node, type Parent } from './helpers/api.js';

const step = (i: number) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="S${i}"><action>x</action><defaultVarList><variable name="CommandLine" property="CommandLine">c${i}</variable><variable name="V${i}" property="P${i}">v</variable></defaultVarList></step>`;
const doc = () => readTaskSequence(`<sequence version="3.10">\n<group name="G">\n${Array.from({ length: 30 }, (_, i) => `${step(i)}\n<!-- c${i} -->\n`).join('')}</group>\n</sequence>\n`);

/** Every leaf under `root` with its parent and index, by a plain walk. */
function leaves(root: Parent): { node: Node; parent: Parent; index: number }[] {
  const out: { node: Node; parent: Parent; index: number }[] = [];
  visit(root, (n, ancestors, index) => {
    if (!('children' in n)) out.push({ node: n, parent: ancestors[ancestors.length - 1] as Parent, index });
  });
  return out;
}

describe('parentOf every leaf of a tree', () => {
  it('answers each variable, text and comment as a search does', () => {
    const { sequence } = doc();
    const all = leaves(sequence);
    expect(all.length).toBeGreaterThan(100);
    for (const { node, parent, index } of all) expect(parentOf(sequence, node)).toStrictEqual({ parent, index });
  });

  it('stays right after leaves are moved, added and removed behind its back', () => {
    const { sequence } = doc();
    for (const { node } of leaves(sequence)) parentOf(sequence, node);
    const vars = leaves(sequence).filter((l) => l.node.kind === 'variable');
    // One variable moved to another list, one removed, and a new one added in front of a list by plain splices.
    const moved = vars[3]!;
    moved.parent.children.splice(moved.index, 1);
    vars[40]!.parent.children.push(moved.node);
    const removed = vars[10]!;
    removed.parent.children.splice(removed.parent.children.indexOf(removed.node), 1);
    const added: Node = { kind: 'variable', tag: 'variable', attributes: { name: 'New', property: 'New' }, value: 'n' };
    vars[20]!.parent.children.unshift(added);
    for (const { node, parent, index } of leaves(sequence)) expect(parentOf(sequence, node)).toStrictEqual({ parent, index });
    expect(parentOf(sequence, removed.node)).toBeUndefined();
    expect(parentOf(sequence, moved.node)?.parent).toBe(vars[40]!.parent);
  });

  it('a leaf of another tree has no parent in this one', () => {
    const { sequence } = doc();
    for (const { node } of leaves(sequence)) parentOf(sequence, node);
    const other = doc().sequence;
    expect(parentOf(sequence, leaves(other)[5]!.node)).toBeUndefined();
    expect(parentOf(other, leaves(sequence)[5]!.node)).toBeUndefined();
  });
});
