/**
 * `cmts/model`: the whole tree toolkit below the document — queries, edits, variables, layout of new nodes, the
 * step catalog's views and constants, conditions, install properties, the JSON model, and lossless-printing helpers.
 */
export type * from '../model/types.js';
export * from '../model/query.js';
export * from '../model/find-items.js';
export * from '../model/mutate.js';
export * from '../model/edit-batch.js';
export * from '../model/variables.js';
export * from '../model/set-variable.js';
export * from '../model/steps.js';
export * from '../model/builders.js';
export * from '../model/conditions.js';
export { parseInstallProperties, patchList, type PropertyToken } from '../model/install-properties.js';
export { addPatch, type AddPatchResult } from '../model/add-patch.js';
export { appendLaidOut, detectIndentUnit, insertLaidOut, layOut, layoutAt, type Layout } from '../model/format.js';
export { fromModelJson, toModelJson, type ModelJson, type ToJsonOptions } from '../model/json.js';
export { sequenceToXml } from '../model/to-xml.js';
export { itemMatches, selectGroups, selectSteps, type ItemFilter, type ItemQuery, type LocatedGroup, type LocatedStep } from '../item-query.js';
export { BREAK, REMOVE, SKIP, visit, type Visitor, type VisitResult } from '../visit.js';
export { DEFAULT_MAX_BYTES, readTaskSequence, type ReadOptions } from '../read.js';
export { writeTaskSequence, writeTaskSequenceText } from '../write.js';
export { TaskSequenceDocument, type DocumentParts } from '../document.js';
export { type Applicable, type ApplyReport } from '../apply-transforms.js';
export type { ContainerKind } from '../containers/index.js';
export { sourceRange } from '../xml/origin.js';
export { isUnchanged } from '../xml/is-unchanged.js';
export type { EncodingName, TextEncodingInfo } from '../xml/encoding-name.js';
