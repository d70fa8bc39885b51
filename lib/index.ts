/** cmts: read, transform and write ConfigMgr task sequences without losing a byte. Re-exports only. */
export { readTaskSequence, DEFAULT_MAX_BYTES, type ReadOptions } from './read.js';
export { writeTaskSequence, writeTaskSequenceText } from './write.js';
export { TaskSequenceDocument } from './document.js';
export type { ContainerKind } from './containers/index.js';
export { TaskSequenceError, ERROR_CODES, LineCounter, type ErrorCode, type Diagnostic, type Severity, type LinePos } from './errors.js';
export type * from './model/types.js';
export { visit, BREAK, SKIP, REMOVE, type Visitor, type VisitResult } from './visit.js';
export * from './model/query.js';
export * from './model/variables.js';
export * from './model/steps.js';
export * from './model/builders.js';
export { insertLaidOut, appendLaidOut, detectIndentUnit, layOut, layoutAt, type Layout } from './model/format.js';
export { sourceRange } from './xml/origin.js';
export { isUnchanged } from './xml/print.js';
export type { TextEncodingInfo, EncodingName } from './xml/codec.js';
export * from './model/mutate.js';
