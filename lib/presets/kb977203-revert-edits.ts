/**
 * The edits of KB977203's revert that put the document back in its earlier form: DependentProgram emptied or taken
 * away, and a step the preset wrapped in a group to carry its condition put back in the group's place (with what
 * tells whether that group is still only the preset's).
 */
import type { TaskSequenceDocument } from '../document.js';
import { conditionOf } from '../model/conditions.js';
import { detectIndentUnit } from '../model/format.js';
import type { Group, Node, SequenceItem, Text, UnknownElement } from '../model/types.js';
import { reindent } from '../transforms/conditions.js';
import { isSequenceItem } from '../model/query.js';
import { presetGroupOf } from './kb977203-new-steps.js';

/**
 * Why a group with the preset's description is not the one the preset made, or not only that, in words; undefined
 * when putting its step back in its place loses nothing. The preset writes a group with the name of the one step it
 * carries the condition of, a description, the condition and nothing else, and the step has no condition of its
 * own. A group the administrator disabled, set to continue on error or renamed, one that holds other items too
 * (`removed` are the preset's steps revert takes out), or a step given a condition of its own, says something a step
 * without the group would not, so the group stays.
 */
export function groupKeptBecause(group: Group, removed: ReadonlySet<Node>): string | undefined {
  const own = Object.entries(group.attributes).filter(([k, v]) => k !== 'name' && k !== 'description' && !((k === 'disable' || k === 'continueOnError') && v === 'false'));
  if (own.length > 0) return `it has ${own.map(([k, v]) => `${k}="${v}"`).join(', ')}, which its step would not carry`;
  if (!conditionOf(group)) return 'it has no condition to put back';
  const items = group.children.filter((c): c is SequenceItem => isSequenceItem(c) && !removed.has(c));
  const step = items[0];
  if (items.length !== 1 || step?.kind !== 'step') return `it holds ${items.length === 0 ? 'no step' : `other items too (${items.map((i) => `"${i.attributes.name ?? ''}"`).join(', ')})`}`;
  if ((step.attributes.name ?? '') !== (group.attributes.name ?? '')) return `its name is not its step's ("${step.attributes.name ?? ''}")`;
  if (conditionOf(step)) return 'its step has a condition of its own, and a step holds one';
  return undefined;
}

/**
 * Empties DependentProgram. In a 2007 export the element is replaced by a fresh empty one, so that it is written in the
 * file's empty-element form (`<DependentProgram />`, as the 2007 console writes it) rather than as an emptied pair.
 * With `absent` (the package had none before the preset), it is taken away instead, as the containers write a
 * property that has no value: no element in a 2007 export (XmlSerializer leaves a null property out), no `<VALUE>`
 * in object.xml (a null CIM property). The whitespace the preset laid out before it goes with it.
 */
export function clearDependentProgram(doc: TaskSequenceDocument, absent: boolean): void {
  const root = doc.xml.children.find((c): c is UnknownElement => c.kind === 'element');
  const i = root?.children.findIndex((c) => c.kind === 'element' && c.tag === 'DependentProgram') ?? -1;
  if (absent && root) {
    const prop = doc.container === 'cim-instance' ? root.children.find((c): c is UnknownElement => c.kind === 'element' && c.tag === 'PROPERTY' && c.attributes.NAME === 'DependentProgram') : root;
    const parent = prop && 'children' in prop ? prop : undefined;
    const at = parent ? parent.children.findIndex((c) => c.kind === 'element' && c.tag === (doc.container === 'cim-instance' ? 'VALUE' : 'DependentProgram')) : -1;
    if (parent && at !== -1) {
      const ws = at > 0 && parent.children[at - 1]?.kind === 'text' && /^[ \t\r\n]*$/.test((parent.children[at - 1] as { value: string }).value) ? 1 : 0;
      parent.children.splice(at - ws, 1 + ws);
      return;
    }
  }
  if (doc.container === 'sms-package' && root && i !== -1) root.children[i] = { kind: 'element', tag: 'DependentProgram', attributes: {}, children: [] };
  else doc.setProperty('DependentProgram', '');
}

/**
 * Where a child is in its parent, for the unwraps of one revert: each looked for its group with `indexOf`, so many
 * groups unwrapped in one parent cost the square of their number. The positions of a parent's children are taken once,
 * when its first group is unwrapped (after the steps revert removes are gone); an unwrap replaces the group in its
 * place, so the others' positions hold. A position that no longer holds its child is looked for again.
 */
export function childPositions(): (parent: { children: Node[] }, child: Node) => number {
  const maps = new WeakMap<Node[], Map<Node, number>>();
  return (parent, child) => {
    let map = maps.get(parent.children);
    if (!map) maps.set(parent.children, (map = new Map(parent.children.map((c, i) => [c, i]))));
    const i = map.get(child);
    return i !== undefined && parent.children[i] === child ? i : parent.children.indexOf(child);
  };
}

/** Puts the group's step (Setup, or an adopted CCMCertFix) back in its place with the group's condition, when nothing else is in the group. */
export function unwrap(doc: TaskSequenceDocument, parent: { children: Node[] }, group: Group, positionOf: (parent: { children: Node[] }, child: Node) => number = (p, c) => p.children.indexOf(c)): void {
  const items = group.children.filter((c): c is SequenceItem => c.kind === 'step' || c.kind === 'group' || c.kind === 'subtasksequence');
  const condition = conditionOf(group);
  const setup = items[0];
  // Found before anything changes: a group not in `parent` is left as it is (its index, -1, would have been written as an
  // array property "-1", and the step lost from the tree).
  const at = positionOf(parent, group);
  if (items.length !== 1 || !setup || setup.kind !== 'step' || !condition || at === -1) return;
  const unit = detectIndentUnit(doc.sequence);
  if (group.children.some((c) => c.kind === 'text')) reindent(setup, unit, true);
  const blank = (n: Node | undefined): n is Text => n !== undefined && n.kind === 'text' && /^[ \t\r\n]*$/.test(n.value);
  const first = setup.children[0];
  const lead: Node[] = blank(first) ? [{ kind: 'text', value: first.value }] : [];
  // Where the condition stood, when the group's description records it (see presetGroupOf): after that element, with
  // the white space that stands before the element (its siblings' indentation); else first, as ConfigMgr writes it.
  const after = presetGroupOf(group.attributes.description);
  const anchor = after && after.after !== undefined ? setup.children.findIndex((c) => 'tag' in c && c.tag === after.after) : -1;
  if (anchor === -1) setup.children.unshift(...lead, condition);
  else {
    const ws = setup.children[anchor - 1];
    setup.children.splice(anchor + 1, 0, ...(blank(ws) ? [{ kind: 'text', value: ws.value } as Text] : lead), condition);
  }
  parent.children[at] = setup;
}
