/**
 * The task sequence model: a plain, typed, JSON-serialisable tree discriminated on `kind`.
 *
 * Every node is exactly what the XML says: element names in `tag`, attributes in written order in `attributes`
 * (decoded strings, never coerced to numbers or booleans), whitespace and comments as nodes of their own. Nodes read
 * from a file carry a hidden link to their source span (see `xml/origin.ts`); the writer copies the source text of
 * every node that still matches it and prints only what was edited or added.
 */

import type { Attributes, CData, Comment, Instruction, Text, XmlDocumentOf } from '../xml/types.js';

// The XML node types live in the byte-exact layer (xml/types.ts); the model narrows its elements to task-sequence kinds.
export type { Attributes, CData, Comment, Instruction, Text } from '../xml/types.js';

interface ElementBase {
  tag: string;
  attributes: Attributes;
}

/** An element the model has no kind for: carried untouched. */
export interface UnknownElement extends ElementBase {
  kind: 'element';
  children: Node[];
}

/** `<sequence version="…">`, the root of a task sequence. */
export interface Sequence extends ElementBase {
  kind: 'sequence';
  children: Node[];
}

/** `<group>`: a folder of steps with its own name, condition and error handling. */
export interface Group extends ElementBase {
  kind: 'group';
  children: Node[];
}

/** `<step type="SMS_TaskSequence_…Action">`: one action the task sequence engine runs. */
export interface Step extends ElementBase {
  kind: 'step';
  children: Node[];
}

/** `<subtasksequence>`: Current Branch's Run Task Sequence step, written under its own element name. */
export interface SubTaskSequence extends ElementBase {
  kind: 'subtasksequence';
  children: Node[];
}

/** `<action>`: the command line the engine runs for a step. */
export interface Action extends ElementBase {
  kind: 'action';
  value: string;
}

/** `<defaultVarList>` (a step's properties) or `<globalVarList>` (the sequence's). */
export interface VariableList extends ElementBase {
  kind: 'variableList';
  children: Node[];
}

/** `<variable name="…" property="…" hidden="true">value</variable>`, in a variable list or an expression. */
export interface Variable extends ElementBase {
  kind: 'variable';
  value: string;
}

/** `<condition>`: all operands must hold (an implicit AND). */
export interface Condition extends ElementBase {
  kind: 'condition';
  children: Node[];
}

/** `<operator type="and|or|not">`. */
export interface Operator extends ElementBase {
  kind: 'operator';
  children: Node[];
}

/** `<expression type="SMS_TaskSequence_…ConditionExpression">` with `<variable name=…>` parameters. */
export interface Expression extends ElementBase {
  kind: 'expression';
  children: Node[];
}

/** `<referenceList>`: packages and applications the sequence refers to (Current Branch). */
export interface ReferenceList extends ElementBase {
  kind: 'referenceList';
  children: Node[];
}

/** `<reference package="…" [program="…"]/>` or `<reference application="…"/>`. */
export interface Reference extends ElementBase {
  kind: 'reference';
  children: Node[];
}

/** Every element kind. */
export type Element =
  | UnknownElement
  | Sequence
  | Group
  | Step
  | SubTaskSequence
  | Action
  | VariableList
  | Variable
  | Condition
  | Operator
  | Expression
  | ReferenceList
  | Reference;

/** Elements whose content is a single string rather than child nodes. */
export type ValueElement = Action | Variable;

/** Elements that hold child nodes. */
export type ParentElement = Exclude<Element, ValueElement>;

/** Anything that holds child nodes. */
export type Parent = ParentElement | XmlDocument;

/** Any node of the tree. */
export type Node = Element | Text | Comment | CData | Instruction;

/** A whole XML document: declaration, comments and whitespace around the root element, and the root. */
export interface XmlDocument extends XmlDocumentOf<Node> {}

/** The steps a sequence or group runs: steps, groups and sub task sequences. */
export type SequenceItem = Group | Step | SubTaskSequence;

/** The kind strings of {@link Node} and {@link XmlDocument}. */
export type NodeKind = Node['kind'] | 'document';
