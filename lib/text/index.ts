/** Sequences as code: the YAML text form ⇄ task sequence documents. Re-exports only. */
export { toYaml, sequenceToText } from './to-text.js';
export { buildSequence, textRelease, type BuildOptions } from './build-sequence.js';
export { fromYaml } from './from-yaml.js';
export { sequenceTextSchema } from './text-schema.js';
export type { TextSequence, TextItem, TextStep, TextGroup, TextVariable, TextCimArray, TextCimObject } from './text-types.js';
