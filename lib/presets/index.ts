/**
 * The presets, by name: compositions of the general transforms that run like one (`cmts transform <name>`).
 */
import type { TransformEntry } from '../transforms/index.js';
import { type Kb977203Options, KB977203_TRANSFORM } from './kb977203.js';

/** Options of each preset. */
export interface PresetOptions {
  kb977203: Kb977203Options;
}

/** Every preset, as a transform entry. */
export const PRESETS: { [K in keyof PresetOptions]: TransformEntry<PresetOptions[K]> } = {
  kb977203: KB977203_TRANSFORM,
};
