/**
 * Which model kind an element gets, from its tag and its parent's kind. Anything not listed stays an `element`
 * (carried untouched), so unknown step types and elements survive.
 */
import type { Element } from './types.js';

/** The kinds whose children are steps and groups. */
const CONTAINS_STEPS = new Set(['sequence', 'group']);

/** Kind of an element with this `tag` under a parent of `parentKind` (and `parentTag`). */
export function classifyElement(tag: string, parentKind: string, parentTag = ''): Element['kind'] {
  if (tag === 'sequence') return parentKind === 'document' || parentTag === 'SequenceData' ? 'sequence' : 'element';
  if (CONTAINS_STEPS.has(parentKind)) {
    switch (tag) {
      case 'group':
        return 'group';
      case 'step':
        return 'step';
      case 'subtasksequence':
        return 'subtasksequence';
      case 'condition':
        return 'condition';
      case 'action':
        return 'action';
      case 'referenceList':
        return parentKind === 'sequence' ? 'referenceList' : 'element';
      case 'globalVarList':
        return parentKind === 'sequence' ? 'variableList' : 'element';
      default:
        return 'element';
    }
  }
  switch (parentKind) {
    case 'step':
    case 'subtasksequence':
      if (tag === 'action') return 'action';
      if (tag === 'defaultVarList') return 'variableList';
      if (tag === 'condition') return 'condition';
      return 'element';
    case 'condition':
    case 'operator':
      if (tag === 'operator') return 'operator';
      if (tag === 'expression') return 'expression';
      return 'element';
    case 'expression':
    case 'variableList':
      return tag === 'variable' ? 'variable' : 'element';
    case 'referenceList':
      return tag === 'reference' ? 'reference' : 'element';
    default:
      return 'element';
  }
}
