/**
 * The schema check of the JSON model (`schemas/task-sequence.schema.json`) at any nesting the reader accepts.
 *
 * ajv's standalone validator recurses, a few large frames per level of `children`, and overflows the call stack a
 * few hundred levels down; the reader accepts any nesting up to the caller's `maxDepth`. JSON no deeper than the
 * reader's default `maxDepth` is checked in one call, as always; deeper JSON is checked one node at a time.
 */
import type { SchemaError, SchemaValidator } from '../generated/validator.js';
import { loadSchema, type SchemaTypes, validatorFor } from '../schemas.js';
import { checkpointBelow, containsItself } from './contains-itself.js';

/** Levels of `children` checked in one call: the reader's default `maxDepth`, well inside what the stack holds. */
const WHOLE_DEPTH = 256;

type ModelJsonData = SchemaTypes['task-sequence.schema.json'];
type Validator = SchemaValidator<ModelJsonData>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The kinds whose schema checks `children` as nodes (read from the schema, so the two cannot disagree). */
const PARENT_KINDS: ReadonlySet<unknown> = new Set(
  Object.entries(loadSchema('task-sequence.schema.json').definitions as Record<string, { properties?: Record<string, unknown> }>)
    .filter(([, d]) => d.properties?.children !== undefined)
    .map(([kind]) => kind),
);

/**
 * A node's `children`, when the schema checks them as nodes: those of an object whose kind has children (ajv also
 * goes into them when the kind is missing: every kind's rule then applies). Other values are checked as they are.
 */
function childrenOf(node: unknown): unknown[] | undefined {
  return isObject(node) && Array.isArray(node.children) && (node.kind === undefined || PARENT_KINDS.has(node.kind)) ? node.children : undefined;
}

/** The sequence's `children`: the schema checks them as nodes whatever the sequence's kind says. */
const rootChildren = (sequence: Record<string, unknown>): unknown[] => (Array.isArray(sequence.children) ? sequence.children : []);

/** Whether some node lies more than `limit` levels of `children` below `root` (an explicit stack: it may be deep). */
function nestsDeeperThan(root: Record<string, unknown>, limit: number): boolean {
  const todo: Array<[node: unknown, depth: number]> = rootChildren(root).map((c) => [c, 1]);
  for (let entry = todo.pop(); entry; entry = todo.pop()) {
    const [node, depth] = entry;
    if (depth > limit) return true;
    for (const c of childrenOf(node) ?? []) todo.push([c, depth + 1]);
  }
  return false;
}

/**
 * A node still to check: where it is, found from its parent when a problem needs its path; its depth, and what the
 * nodes in it are compared with (see contains-itself.ts).
 */
interface Place {
  node: unknown;
  parent: Place | undefined;
  index: number;
  depth: number;
  checkpoint: unknown;
}

function pathOf(place: Place): string {
  const indexes: number[] = [];
  for (let at: Place | undefined = place; at; at = at.parent) indexes.push(at.index);
  return `/sequence${indexes.reverse().map((i) => `/children/${i}`).join('')}`;
}

/** A node without its children (a list left empty), which the schema then checks on its own. */
const alone = (node: unknown): unknown => (childrenOf(node) ? { ...(node as Record<string, unknown>), children: [] } : node);

/** A valid document around one node, the only child of its sequence, at `/sequence/children/0`. */
const AT = '/sequence/children/0';
const shell = (node: unknown) => ({
  format: 'cmts.task-sequence',
  version: 1,
  container: 'sequence',
  encoding: { encoding: 'utf-8', bom: false },
  properties: {},
  sequence: { kind: 'sequence', tag: 'sequence', attributes: {}, children: [node] },
});

/**
 * The schema's problems, in document order, for a document whose sequence nests deeper than one call can check:
 * the document without the sequence's children, then each node without its children, alone in a valid shell, its
 * problems' paths turned back into the node's own. Every node is checked against the same schema as in one call (a
 * node's schema does not depend on where it is), so the problems are the same at the same paths, less the "must
 * match then schema" that ajv also reports at every ancestor of a bad node.
 */
function problemsOfDeep(validate: Validator, doc: Record<string, unknown>, sequence: Record<string, unknown>): SchemaError[] {
  const problems: SchemaError[] = [];
  if (!validate({ ...doc, sequence: { ...sequence, children: [] } })) problems.push(...(validate.errors ?? []));
  const todo: Place[] = [];
  // The sequence is at depth 0. A node that contains itself (no JSON text holds one, a script's data can) is refused:
  // its check would not end.
  const queueChildren = (children: unknown[], parent: Place | undefined) => {
    const depth = (parent?.depth ?? 0) + 1;
    const checkpoint = parent ? parent.checkpoint : sequence;
    for (let i = children.length - 1; i >= 0; i--) {
      const node = children[i];
      if (node === checkpoint) containsItself(node, 'NOT_A_TASK_SEQUENCE');
      todo.push({ node, parent, index: i, depth, checkpoint: checkpointBelow(node, depth, checkpoint) });
    }
  };
  queueChildren(rootChildren(sequence), undefined);
  for (let place = todo.pop(); place; place = todo.pop()) {
    if (!validate(shell(alone(place.node)))) {
      const path = pathOf(place);
      for (const e of validate.errors ?? []) problems.push({ ...e, instancePath: path + e.instancePath.slice(AT.length) });
    }
    queueChildren(childrenOf(place.node) ?? [], place);
  }
  return problems;
}

/**
 * Checks JSON against the model schema, like the compiled validator (a type guard, its problems on `errors`), also
 * when the sequence nests deeper than that validator can follow. Throws `NOT_A_TASK_SEQUENCE` for a sequence with a
 * node that contains itself (put among its own descendants by a script: no JSON text holds one).
 */
export function validateModelJson(data: unknown): data is ModelJsonData {
  const whole = validatorFor('task-sequence.schema.json');
  const sequence = isObject(data) ? data.sequence : undefined;
  if (isObject(data) && isObject(sequence) && nestsDeeperThan(sequence, WHOLE_DEPTH)) {
    validateModelJson.errors = problemsOfDeep(whole, data, sequence);
    return validateModelJson.errors.length === 0;
  }
  const valid = whole(data);
  validateModelJson.errors = whole.errors ?? null;
  return valid;
}
validateModelJson.errors = null as SchemaError[] | null;
