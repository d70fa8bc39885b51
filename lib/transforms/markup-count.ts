/**
 * How much markup a part of a sequence is, counted as the reader counts it against `maxNodes` (each `<`): what a
 * transform that adds in proportion to its matches holds to the limit the document was read with.
 */
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import type { Sequence, SequenceItem, Step, SubTaskSequence, XmlDocument } from '../model/types.js';
import { findVariable, type VariableKey, variableList } from '../model/variables.js';

/**
 * The markup items of `item` as the reader counts them (each `<`): two tags for an element with children or a value
 * (`<action>…</action>`, `<variable …></variable>`), else one. An empty element written as a pair counts one here, so
 * the count can fall short of the reader's by those.
 */
export function markupOf(item: Sequence | SequenceItem | XmlDocument): number {
  type Counted = { readonly kind: string; readonly value?: unknown; readonly children?: readonly Counted[] };
  let count = 0;
  // A document is no markup of its own: its children are (the declaration, comments, the root).
  const todo: (readonly Counted[])[] = [item.kind === 'document' ? item.children : [item]];
  for (let list = todo.pop(); list; list = todo.pop()) {
    for (const n of list) if (n.kind !== 'text' && (count += n.children?.length || typeof n.value === 'string' ? 2 : 1) && n.children) todo.push(n.children);
  }
  return count;
}

/**
 * The markup items that setting the step variable `key` adds, counted as {@link markupOf} counts them: none when the
 * step has it; else the variable's two tags, and the `<defaultVarList>` made for it when the step has none (and the
 * step's end tag when it had no children: `<step …/>` becomes `<step …>…</step>`), or the end tag of an empty list.
 */
export function markupOfNewVariable(step: Step | SubTaskSequence, key: string | VariableKey): number {
  if (findVariable(step, key) !== undefined) return 0;
  const list = variableList(step);
  if (list !== undefined) return list.children.length === 0 ? 3 : 2;
  return step.children.length === 0 ? 5 : 4;
}

/**
 * What an edit that adds markup in proportion to its matches may add: the document's own markup, counted as the
 * reader counted it (the whole text; an embedded sequence, escaped, on its own), held with each addition to the
 * maxNodes the document was read with. The function it returns throws `INPUT_TOO_LARGE`, saying `doing` would make the
 * sequence more than that, once the additions pass it: called as each step is built, before any edit.
 */
export function markupBudget(doc: TaskSequenceDocument, doing: () => string, advice: string): (items: number) => void {
  const limit = doc.nodeLimit();
  let markup = markupOf(doc.embedded ? doc.sequence : doc.xml);
  return (items) => {
    if ((markup += items) > limit) {
      throw new TaskSequenceError('INPUT_TOO_LARGE', `${doing()} would make the sequence more than ${limit} markup items, the limit the document was read with (option maxNodes). ${advice}`);
    }
  };
}
