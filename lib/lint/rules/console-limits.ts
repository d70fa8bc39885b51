/**
 * The ConfigMgr console's and WMI provider's limits, checked before import: names (50 shown, 100 accepted),
 * descriptions (255), restart messages (512), Set Task Sequence Variable names and values, and the 2 MB policy size
 * of a Current Branch sequence.
 */
import { RestartComputerStep, SetVariableStep, STEP_TYPES } from '../../model/steps.js';
import { sequenceToXml } from '../../model/to-xml.js';
import { CONSOLE_LIMITS } from '../../transforms/values.js';
import { configMgrEra } from '../../presets/kb977203-era.js';
import { shownValue } from '../../shown-value.js';
import { items, type Finding, type LintRule, steps } from '../rule.js';

/** Lint rule `name-too-long`: names the console cannot show whole. */
export const nameLength: LintRule = {
  id: 'name-too-long',
  severity: 'warning',
  description: `Step and group names longer than ${CONSOLE_LIMITS.stepName} characters, which the console does not show whole.`,
  check: (doc) =>
    items(doc).flatMap((located): Finding[] => {
      const n = located.node.attributes.name ?? '';
      return n.length > CONSOLE_LIMITS.stepName && n.length <= CONSOLE_LIMITS.stepNameMax ? [{ located, message: `The name has ${n.length} characters; the console shows ${CONSOLE_LIMITS.stepName}.` }] : [];
    }),
};

/**
 * Lint rule `name-over-limit`: names the provider refuses. Its Name property takes 1 to 100 characters, so an empty
 * name (or none) is refused as surely as a long one.
 */
export const nameOverLimit: LintRule = {
  id: 'name-over-limit',
  severity: 'error',
  description: `Step and group names that are empty or longer than ${CONSOLE_LIMITS.stepNameMax} characters, which the SMS Provider refuses on import.`,
  check: (doc) =>
    items(doc).flatMap((located): Finding[] => {
      const n = located.node.attributes.name ?? '';
      if (n.length === 0) return [{ located, message: `The name is empty; the SMS Provider accepts 1 to ${CONSOLE_LIMITS.stepNameMax} characters.` }];
      return n.length > CONSOLE_LIMITS.stepNameMax ? [{ located, message: `The name has ${n.length} characters; at most ${CONSOLE_LIMITS.stepNameMax} are accepted.` }] : [];
    }),
};

/** Lint rule `description-too-long`. */
export const descriptionLength: LintRule = {
  id: 'description-too-long',
  severity: 'error',
  description: `Descriptions longer than ${CONSOLE_LIMITS.description} characters, the WMI property's limit.`,
  check: (doc) =>
    items(doc).flatMap((located): Finding[] => {
      const d = located.node.attributes.description ?? '';
      return d.length > CONSOLE_LIMITS.description ? [{ located, message: `The description has ${d.length} characters; at most ${CONSOLE_LIMITS.description} are accepted.` }] : [];
    }),
};

/** Lint rule `restart-message-too-long`. */
export const restartMessageLength: LintRule = {
  id: 'restart-message-too-long',
  severity: 'error',
  description: `Restart Computer notification messages longer than ${CONSOLE_LIMITS.restartMessage} characters.`,
  check: (doc) =>
    steps(doc).flatMap((located): Finding[] => {
      if (located.node.attributes.type !== STEP_TYPES.restartComputer) return [];
      const m = new RestartComputerStep(located.node).message ?? '';
      return m.length > CONSOLE_LIMITS.restartMessage ? [{ located, message: `The restart message has ${m.length} characters; at most ${CONSOLE_LIMITS.restartMessage} are accepted.` }] : [];
    }),
};

const VARIABLE_NAME = new RegExp(`^[A-Za-z][A-Za-z0-9_-]{0,${CONSOLE_LIMITS.variableName - 1}}$`);

/** Lint rule `variable-name-invalid`. */
export const variableNameInvalid: LintRule = {
  id: 'variable-name-invalid',
  severity: 'error',
  description: `Set Task Sequence Variable names must be 1 to ${CONSOLE_LIMITS.variableName} letters, digits, _ and -, starting with a letter.`,
  check: (doc) =>
    steps(doc).flatMap((located): Finding[] => {
      if (located.node.attributes.type !== STEP_TYPES.setVariable) return [];
      const name = new SetVariableStep(located.node).variableName ?? '';
      return VARIABLE_NAME.test(name) ? [] : [{ located, message: `The variable name ${shownValue(name, '"')} is not 1 to ${CONSOLE_LIMITS.variableName} letters, digits, _ and -, starting with a letter.` }];
    }),
};

/** Lint rule `variable-value-too-long`. */
export const variableValueLength: LintRule = {
  id: 'variable-value-too-long',
  severity: 'error',
  description: `Set Task Sequence Variable values longer than ${CONSOLE_LIMITS.variableValue} characters.`,
  check: (doc) =>
    steps(doc).flatMap((located): Finding[] => {
      if (located.node.attributes.type !== STEP_TYPES.setVariable) return [];
      const v = new SetVariableStep(located.node).variableValue ?? '';
      return v.length > CONSOLE_LIMITS.variableValue ? [{ located, message: `The value has ${v.length} characters; at most ${CONSOLE_LIMITS.variableValue} are accepted.` }] : [];
    }),
};

/** Lint rule `policy-too-large`: a Current Branch limit only (ConfigMgr 2007 has no such check). */
export const policySize: LintRule = {
  id: 'policy-too-large',
  severity: 'warning',
  description: 'A Current Branch sequence over 2 MB, the policy size Current Branch refuses to deploy.',
  check: (doc) => {
    if (configMgrEra(doc).against.length === 0) return [];
    // A sequence read without layout is measured without one: laid out, two spaces a level on every line made a chain
    // of groups 3,000 deep (200 KB as written) measure 18 MB, at a cost that grew with the square of the depth.
    const bytes = Buffer.byteLength(sequenceToXml(doc.sequence, { newline: '', indent: '' }), 'utf8');
    return bytes > CONSOLE_LIMITS.policyBytes ? [{ node: doc.sequence, message: `The sequence is ${(bytes / 1048576).toFixed(1)} MB; Current Branch refuses policies over 2 MB.` }] : [];
  },
};
