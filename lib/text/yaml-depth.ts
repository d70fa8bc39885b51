/**
 * How deep a sequence may nest to be written as YAML. YAML says depth by indentation, so its text grows with the
 * square of the depth, and `cmts build` cannot read a deep one back: the YAML library recurses.
 */
import { TaskSequenceError } from '../errors.js';
import { checkpointBelow, containsItself } from '../model/contains-itself.js';
import type { Node, Sequence } from '../model/types.js';
import { visit } from '../visit.js';

/**
 * Groups, and a condition's operators, nested deeper than this are not written as YAML (8,000 nested groups, 192 KB
 * of XML, made 513 MB of YAML), and `cmts build` cannot read them back anyway: the YAML library recurses, and runs out
 * of call stack between 600 and 800 levels of groups whatever `--max-depth` says (its default, 512 levels of YAML, is
 * about 255 groups). An operator is a level as a group is (a mapping and its list).
 */
export const MAX_YAML_GROUP_DEPTH = 1000;

/**
 * How deep the groups of `sequence` nest (0: none). Iterative; a group inside itself is refused (`INVALID_ARGUMENT`):
 * each list of children is compared with one of the lists above it (see contains-itself.ts).
 */
function groupDepth(sequence: Sequence): number {
  let deepest = 0;
  const todo: [readonly Node[], number, readonly Node[]][] = [[sequence.children, 0, sequence.children]];
  while (todo.length) {
    const [children, depth, checkpoint] = todo.pop() as [readonly Node[], number, readonly Node[]];
    for (const c of children) {
      if (c.kind !== 'group') continue;
      if (depth + 1 > deepest) deepest = depth + 1;
      if (c.children === checkpoint) containsItself(c);
      todo.push([c.children, depth + 1, checkpointBelow(c.children, depth + 1, checkpoint)]);
    }
  }
  return deepest;
}

/** How deep the operators of the sequence's conditions nest (0: none): one walk, each operator's depth kept once. */
function operatorDepth(sequence: Sequence): number {
  const depthOf = new Map<Node, number>();
  let deepest = 0;
  visit(sequence, (node, ancestors) => {
    if (node.kind !== 'operator') return;
    const depth = (depthOf.get(ancestors[ancestors.length - 1] as Node) ?? 0) + 1;
    depthOf.set(node, depth);
    if (depth > deepest) deepest = depth;
  });
  return deepest;
}

/**
 * Throws `TEXT_TOO_DEEP` when the groups or a condition's operators nest deeper than {@link MAX_YAML_GROUP_DEPTH}.
 * A condition 10,000 operators deep (1 MB of XML) made 200 MB of YAML, and 20,000 ran into the longest string after
 * 2.6 s; each is now refused before anything is written.
 */
export function refuseTooDeepForYaml(sequence: Sequence): void {
  const depth = groupDepth(sequence);
  if (depth > MAX_YAML_GROUP_DEPTH) {
    throw new TaskSequenceError('TEXT_TOO_DEEP', `The sequence's groups nest ${depth} levels deep, more than the ${MAX_YAML_GROUP_DEPTH} its YAML text form is written for: YAML indents every level, so the text would grow with the square of the depth, and cmts build, whose YAML library recurses, reads back no more than about 600 levels of groups. Convert it to JSON instead.`);
  }
  const operators = operatorDepth(sequence);
  if (operators > MAX_YAML_GROUP_DEPTH) {
    throw new TaskSequenceError('TEXT_TOO_DEEP', `A condition of the sequence nests its operators ${operators} levels deep, more than the ${MAX_YAML_GROUP_DEPTH} its YAML text form is written for: YAML indents every level, so the text would grow with the square of the depth, and cmts build, whose YAML library recurses, cannot read it back. Convert it to JSON instead.`);
  }
}
