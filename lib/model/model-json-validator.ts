/**
 * The schema check of the JSON model (`schemas/task-sequence.schema.json`) at any nesting the reader accepts.
 *
 * ajv's standalone validator recurses, a few large frames per level of `children`, and overflows the call stack a
 * few hundred levels down; the reader accepts any nesting up to the caller's `maxDepth`. And it keeps every problem it
 * meets (all errors, verbose), which can pile up past the heap: about ten for a child that is no node, and, under a node
 * of no kind (every kind's rule then applies to its children), eleven times more for each such level (six levels, a
 * 321-byte text, aborted the process). JSON no deeper than the reader's default `maxDepth`, of at most 2,000 nodes and
 * with no node of children but no kind, is checked in one call, as always; other JSON a node at a time (with its
 * children where one call can check them), and that check stops at a number of problems.
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

/**
 * Sequences of more nodes than this are checked one node at a time, as deep ones are: ajv's validator (all errors,
 * verbose) keeps every problem it meets, about ten for a node of no kind (one for each kind it could be), and 1,000,000
 * children `1` (a 2 MB text) took it past 1 GiB of heap, which aborted the process, and 5,000 (10 KB) past 32 MiB. One node at a time, the check stops
 * at {@link MOST_PROBLEMS}.
 */
const WHOLE_NODES = 2_000;

/** How many of ajv's problems a check one node at a time collects at most: the message names ten, and counts the rest. */
const MOST_PROBLEMS = 1_000;

/**
 * Whether the nodes of `children` and below nest more than `depth` levels, number more than `nodes`, or hold a node of
 * children but no kind, which one call checks once for each kind it could be, and again at each such level below
 * (walked a list of children at a time, each with the next to reach: a few entries, however many nodes; stopping as
 * soon as it knows).
 */
function exceeds(children: unknown[], depth: number, nodes: number): boolean {
  const lists: Array<{ children: unknown[]; next: number }> = [{ children, next: 0 }];
  let count = 0;
  while (lists.length > 0) {
    const list = lists[lists.length - 1] as { children: unknown[]; next: number };
    if (list.next >= list.children.length) {
      lists.pop();
      continue;
    }
    if (lists.length > depth || ++count > nodes) return true;
    const node = list.children[list.next++];
    const below = childrenOf(node);
    if (below && below.length > 0) {
      if ((node as { kind?: unknown }).kind === undefined) return true;
      lists.push({ children: below, next: 0 });
    }
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

/** A node's children being checked: the next to reach, and where they are (their parent's place, their depth). */
interface ChildList {
  children: unknown[];
  next: number;
  parent: Place | undefined;
  depth: number;
  /** What each child is compared with (its parent's place's checkpoint; the sequence for the sequence's children). */
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
 * The schema's problems, in document order, for a document whose sequence nests deeper than one call can check, or
 * has more nodes than one call should (see {@link WHOLE_NODES}; the check stops at {@link MOST_PROBLEMS}):
 * the document without the sequence's children, then each node alone in a valid shell (with its children, if one call
 * can check them all: see {@link exceeds}; else without them, and then each of them), its problems' paths turned back
 * into the node's own. Every node is checked against the same schema as in one call (a
 * node's schema does not depend on where it is), so the problems are the same at the same paths, less the "must
 * match then schema" that ajv also reports at every ancestor of a bad node, and but for a node of no kind: its
 * children's problems are said once each, where ajv's one call says them for every kind the node could be.
 */
function problemsOfDeep(validate: Validator, doc: Record<string, unknown>, sequence: Record<string, unknown>): SchemaError[] {
  const problems: SchemaError[] = [];
  validateModelJson.stopped = false;
  if (!validate({ ...doc, sequence: { ...sequence, children: [] } })) problems.push(...(validate.errors ?? []));
  // Walked in document order, a list of children at a time (a place is made for a node when it is reached, so a
  // sequence of a million children costs no million places before its first check). The sequence is at depth 0. A
  // node that contains itself (no JSON text holds one, a script's data can) is refused: its check would not end.
  const lists: ChildList[] = [{ children: rootChildren(sequence), next: 0, parent: undefined, depth: 1, checkpoint: sequence }];
  while (lists.length > 0) {
    const list = lists[lists.length - 1] as ChildList;
    if (list.next >= list.children.length) {
      lists.pop();
      continue;
    }
    if (problems.length >= MOST_PROBLEMS) {
      validateModelJson.stopped = true;
      break;
    }
    const index = list.next++;
    const node = list.children[index];
    if (node === list.checkpoint) containsItself(node, 'NOT_A_TASK_SEQUENCE');
    const place: Place = { node, parent: list.parent, index, depth: list.depth, checkpoint: checkpointBelow(node, list.depth, list.checkpoint) };
    // A node whose nodes one call can check (a step, a group of ordinary size) is checked with them, as in one call; a
    // larger one, or one of no kind, alone, and then its children. A node that contains itself is always too large,
    // so it is found below.
    const children = childrenOf(node);
    const whole = children === undefined || children.length === 0 || ((node as { kind?: unknown }).kind !== undefined && !exceeds(children, WHOLE_DEPTH - 1, WHOLE_NODES));
    if (!validate(shell(whole ? node : alone(node)))) {
      const path = pathOf(place);
      for (const e of validate.errors ?? []) problems.push({ ...e, instancePath: path + e.instancePath.slice(AT.length) });
    }
    if (!whole && children) lists.push({ children, next: 0, parent: place, depth: list.depth + 1, checkpoint: place.checkpoint });
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
  validateModelJson.stopped = false;
  if (isObject(data) && isObject(sequence) && exceeds(rootChildren(sequence), WHOLE_DEPTH, WHOLE_NODES)) {
    validateModelJson.errors = problemsOfDeep(whole, data, sequence);
    return validateModelJson.errors.length === 0;
  }
  const valid = whole(data);
  validateModelJson.errors = whole.errors ?? null;
  return valid;
}
validateModelJson.errors = null as SchemaError[] | null;
/** Whether the last check stopped at {@link MOST_PROBLEMS} problems, with nodes left unchecked (`errors` is not all). */
validateModelJson.stopped = false;
