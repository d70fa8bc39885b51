/**
 * The model as JSON (`cmts convert --to json`, `cmts inspect --json`) and back: the tree is already plain data, so
 * the JSON is the tree itself plus what the container said. Described by `schemas/task-sequence.schema.json`.
 */
import type { ContainerKind } from '../containers/index.js';
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { assertValid } from '../schemas.js';
import type { TextEncodingInfo } from '../xml/codec.js';
import type { Node, Sequence } from './types.js';

/** The JSON form of a task sequence. */
export interface ModelJson {
  format: 'cmts.task-sequence';
  version: 1;
  container: ContainerKind;
  encoding: TextEncodingInfo;
  /** Package properties of the container (empty for a bare sequence). */
  properties: Record<string, string>;
  sequence: Sequence;
}

/** Options of {@link toModelJson}. */
export interface ToJsonOptions {
  /** Keep whitespace-only text (the file's layout); default false. */
  whitespace?: boolean;
}

function strip(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    if (n.kind === 'text' && n.value.trim() === '') continue;
    out.push('children' in n ? ({ ...n, children: strip(n.children) }) : n);
  }
  return out;
}

/** The document as JSON-ready data (a deep copy: editing it does not touch the document). */
export function toModelJson(doc: TaskSequenceDocument, options: ToJsonOptions = {}): ModelJson {
  const sequence = JSON.parse(JSON.stringify(doc.sequence)) as Sequence;
  return {
    format: 'cmts.task-sequence',
    version: 1,
    container: doc.container,
    encoding: { ...doc.encoding },
    properties: doc.properties(),
    sequence: options.whitespace ? sequence : { ...sequence, children: strip(sequence.children) },
  };
}

/** Validates JSON against the model schema and returns it typed; throws `OPTIONS_INVALID` naming each problem. */
export function fromModelJson(value: unknown): ModelJson {
  try {
    assertValid('task-sequence.schema.json', value, 'The task sequence JSON');
  } catch (e) {
    if (e instanceof TaskSequenceError) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', e.message);
    throw e;
  }
  return value as ModelJson;
}
