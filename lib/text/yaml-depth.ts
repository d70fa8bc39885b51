/**
 * How deep a sequence may nest to be written as YAML. YAML says depth by indentation, so its text grows with the
 * square of the depth, and `cmts build` cannot read a deep one back: the YAML library recurses.
 */
import { TaskSequenceError } from '../errors.js';
import type { Node, Sequence } from '../model/types.js';
import { visit } from '../visit.js';

/**
 * Groups and conditions' operators nested deeper than this, counted together, are not written as YAML (8,000 nested
 * groups, 192 KB of XML, made 513 MB of YAML; a condition 10,000 operators deep, 1 MB of XML, 200 MB), and `cmts
 * build` cannot read them back anyway: the YAML library recurses, and runs out of call stack between 600 and 800
 * levels of groups whatever `--max-depth` says (its default, 512 levels of YAML, is about 255 groups). An operator is
 * a level as a group is (a mapping and its list), and a condition sits at its step's depth among the groups.
 */
export const MAX_YAML_GROUP_DEPTH = 1000;

/** How deep groups and operators nest together on the deepest path, and how many of those levels are groups. */
function yamlDepth(sequence: Sequence): { depth: number; groups: number } {
  // The depth of each group and operator; a node's nearest such ancestor is at most a few levels above it (an
  // operator's is its operator, or its step's group past the condition and the step), so one walk finds them all.
  const depthOf = new Map<Node, { depth: number; groups: number }>();
  let deepest = { depth: 0, groups: 0 };
  visit(sequence, (node, ancestors) => {
    if (node.kind !== 'group' && node.kind !== 'operator') return;
    let above = { depth: 0, groups: 0 };
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const known = depthOf.get(ancestors[i] as Node);
      if (known) {
        above = known;
        break;
      }
    }
    const here = { depth: above.depth + 1, groups: above.groups + (node.kind === 'group' ? 1 : 0) };
    depthOf.set(node, here);
    if (here.depth > deepest.depth) deepest = here;
  });
  return deepest;
}

/**
 * Throws `TEXT_TOO_DEEP` when groups and a condition's operators nest, together, deeper than
 * {@link MAX_YAML_GROUP_DEPTH}: refused before anything is written (a condition 20,000 operators deep ran into the
 * longest string after 2.6 s; 1,000 groups around a condition 1,000 operators deep made 14 MB of YAML no reader takes).
 */
export function refuseTooDeepForYaml(sequence: Sequence): void {
  const { depth, groups } = yamlDepth(sequence);
  if (depth <= MAX_YAML_GROUP_DEPTH) return;
  const what = groups === depth ? "The sequence's groups" : groups === 0 ? "A condition's operators" : `The sequence's groups (${groups}) and a condition's operators inside them (${depth - groups})`;
  throw new TaskSequenceError('TEXT_TOO_DEEP', `${what} nest ${depth} levels deep, more than the ${MAX_YAML_GROUP_DEPTH} its YAML text form is written for: YAML indents every level, so the text would grow with the square of the depth, and cmts build, whose YAML library recurses, reads back no more than about 600 levels. Convert it to JSON instead.`);
}
