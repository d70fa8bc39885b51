// Listing the items of a sequence made each group's array of the groups above it by copying its parent's: a chain of N
// groups cost N²/2 entries (8,000 levels: 1.9 s; 100,000 levels: 5 billion entries, out of heap), whatever the caller
// then read. Items deeper than a fixed depth now make `path` and `groups` when first read, from their group's; these
// pin that the results are those of the old listing, item for item, and that a chain far past it lists.
import { afterEach, describe, expect, it } from 'vitest';
import { LIST_LIMITS, listItems, type Located } from '../lib/model/query.js';
import { readTaskSequence, type Group, type Node, type Sequence, type SequenceItem } from './helpers/api.js';

const escape = (name: string) => name.replace(/[\\/]/g, (c) => `\\${c}`);

/** The listing as it was defined: every item with a fresh array of the groups above it and its whole path. */
function reference(sequence: Sequence): { node: SequenceItem; parent: Sequence | Group; index: number; path: string; groups: Group[] }[] {
  const out: { node: SequenceItem; parent: Sequence | Group; index: number; path: string; groups: Group[] }[] = [];
  const stack: { parent: Sequence | Group; groups: Group[]; next: number }[] = [{ parent: sequence, groups: [], next: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.next >= top.parent.children.length) {
      stack.pop();
      continue;
    }
    const index = top.next++;
    const node = top.parent.children[index] as Node;
    if (node.kind !== 'group' && node.kind !== 'step' && node.kind !== 'subtasksequence') continue;
    const path = [...top.groups, node].map((n) => escape(n.attributes.name ?? '')).join('/');
    out.push({ node, parent: top.parent, index, path, groups: [...top.groups] });
    if (node.kind === 'group') stack.push({ parent: node, groups: [...top.groups, node], next: 0 });
  }
  return out;
}

/** A chain of `depth` groups named `prefix<i>`; at some levels a step, a nameless group, names with `/` and `\`. */
function mixedChain(depth: number): string {
  let open = '';
  for (let i = 0; i < depth; i++) {
    const name = i % 7 === 3 ? `a/b\\c${i}` : `G${i}`;
    open += i % 5 === 0 ? `\n<!-- ${i} --><step type="x" name="s${i}"/><group name="${name}">` : i % 11 === 4 ? '<group>' : `<group name="${name}">`;
  }
  return `<sequence version="3.10">${open}<step type="x" name="bottom/1"/><subtasksequence type="SMS_TaskSequence_SubTasksequence" name="sub"/>${'</group>'.repeat(depth)}<step type="x" name="after"/></sequence>`;
}

const plain = (l: Located) => ({ node: l.node, parent: l.parent, index: l.index, path: l.path, groups: l.groups });

const saved = { ...LIST_LIMITS };
afterEach(() => void Object.assign(LIST_LIMITS, saved));

describe('listing items at any depth', () => {
  it('gives every item of a 400-level chain the node, parent, index, path and groups of the old listing', () => {
    const doc = readTaskSequence(mixedChain(400), { maxDepth: 500 });
    const items = listItems(doc.sequence);
    const expected = reference(doc.sequence);
    expect(items).toHaveLength(expected.length);
    // Read in an order that is not the listing's, so a deep item's path or groups never rely on another's being read.
    for (let k = items.length - 1; k >= 0; k -= 3) expect(plain(items[k] as Located)).toEqual(expected[k]);
    for (let k = 0; k < items.length; k++) expect(plain(items[k] as Located)).toEqual(expected[k]);
  });

  it('lists deep items as data: spread, JSON keys and a comparison see path and groups; both can be set', () => {
    const doc = readTaskSequence(mixedChain(300), { maxDepth: 400 });
    const items = listItems(doc.sequence);
    const deep = items[items.length - 2] as Located;
    expect(deep.node.attributes.name).toBe('sub');
    expect(Object.keys(deep)).toEqual(['node', 'parent', 'index', 'path', 'groups']);
    expect({ ...deep }).toEqual(reference(doc.sequence)[items.length - 2]);
    const json = JSON.stringify(deep, (key, value: unknown) => (key === 'groups' ? (value as Group[]).length : key === 'node' || key === 'parent' ? (value as Group).attributes.name ?? '' : value));
    expect(JSON.parse(json)).toEqual({ node: 'sub', parent: 'G299', index: deep.index, path: deep.path, groups: 300 });
    // Items of one group share its array of groups, as they always did.
    const beside = items[items.length - 3] as Located;
    expect(beside.parent).toBe(deep.parent);
    expect(beside.groups).toBe(deep.groups);
    expect(deep.groups).toHaveLength(300);
    deep.path = 'elsewhere';
    deep.groups = [];
    expect([deep.path, deep.groups]).toEqual(['elsewhere', []]);
    expect(beside.groups).toHaveLength(300);
  });

  it('lists a chain of 100,000 groups with the bounds raised (5 billion array entries before), each item where it is', () => {
    const depth = 100_000;
    Object.assign(LIST_LIMITS, { groupEntries: Number.MAX_SAFE_INTEGER, pathCharacters: Number.MAX_SAFE_INTEGER });
    const doc = readTaskSequence(`<sequence version="3.10">${'<group name="g">'.repeat(depth)}<step type="x" name="s"/>${'</group>'.repeat(depth)}</sequence>`, { maxDepth: depth + 10 });
    const items = listItems(doc.sequence);
    expect(items).toHaveLength(depth + 1);
    const bottom = items[depth] as Located;
    expect(bottom.groups).toHaveLength(depth);
    expect(bottom.groups[depth - 1]).toBe(bottom.parent);
    expect(bottom.groups[0]).toBe(items[0]?.node);
    expect(bottom.path).toBe(`${'g/'.repeat(depth)}s`);
    expect(items[depth - 1]?.groups).toHaveLength(depth - 1);
  });

  it('still refuses what reading every path and group would cost past the bounds, at the same items as before', () => {
    const doc = readTaskSequence(mixedChain(200), { maxDepth: 300 });
    const expected = reference(doc.sequence);
    const paths = expected.reduce((n, l) => n + l.path.length, 0);
    // Counted per group that holds items, each as long as its depth.
    const groupArrays = new Map(expected.map((l) => [l.parent, l.groups.length]));
    const entries = [...groupArrays.values()].reduce((n, d) => n + d, 0);
    Object.assign(LIST_LIMITS, { pathCharacters: paths, groupEntries: entries });
    expect(listItems(doc.sequence)).toHaveLength(expected.length);
    Object.assign(LIST_LIMITS, { pathCharacters: paths - 1 });
    expect(() => listItems(doc.sequence)).toThrow(`their paths would hold over ${paths - 1} characters`);
    Object.assign(LIST_LIMITS, { pathCharacters: paths, groupEntries: entries - 1 });
    expect(() => listItems(doc.sequence)).toThrow(`the lists of the groups above each would hold over ${entries - 1} entries`);
  });
});
