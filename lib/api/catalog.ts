/**
 * `cmts/catalog`: the step catalog as data (every built-in step type, its settings and the releases that have it),
 * typed views and builders generated from it, and the authoring operations (groups, moving and copying items,
 * attributes, conditions).
 */
export * from '../catalog/index.js';
export * from '../model/authoring.js';
export * from '../model/attributes.js';
export * from '../model/condition-builder.js';
// Listed with the authoring operations (README): finding the items to author on, groups too.
export { findItems } from '../model/find-items.js';
