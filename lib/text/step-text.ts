/**
 * A step in the text form: typed through the catalog when the builder, given those settings, writes the same element
 * back, else with what it needs written raw; and the variables and conditions the text form writes for any item.
 */
import { catalogEntry } from '../catalog/catalog.js';
import { validateStepSettings } from '../catalog/step-schemas.js';
import { StepView } from '../catalog/step-view.js';
import type { Release } from '../catalog/versions.js';
import { conditionOf } from '../model/conditions.js';
import { type ConditionOperand, readCondition } from '../model/condition-builder.js';
import type { Condition, Step, SubTaskSequence, Variable } from '../model/types.js';
import { getAction, variables } from '../model/variables.js';
import { stepNode } from './build-text-step.js';
import { EXIT_CODE_RANGE, MAX_NAME_LENGTH, MAX_TIMEOUT } from './text-schema.js';
import { MAX_ITEM_DESCRIPTION } from '../model/item-checks.js';
import type { TextStep, TextVariable } from './text-types.js';

/** A variable in the text form: its name, property and hidden flag only where they say something, and its value. */
export function textVariable(v: Variable): TextVariable {
  // Keys in reading order: name, property (when it differs), hidden, value.
  return {
    name: v.attributes.name ?? '',
    ...(v.attributes.property === undefined ? { property: null } : v.attributes.property !== v.attributes.name ? { property: v.attributes.property } : {}),
    ...(v.attributes.hidden === 'true' || v.attributes.hidden === 'false' ? { hidden: v.attributes.hidden === 'true' } : {}),
    // As the reader gives it, each line end one LF: the same text for a CRLF file; a CR is one written `&#13;`.
    value: v.value,
  };
}

/**
 * The condition's operands, each generic expression with its parameters in name order: the order the builder writes
 * them in (as the console does), so that converting the sequence built from the text gives the same text. The
 * operands are fresh from `readCondition`, so they are sorted in place, without recursion (a condition may be
 * thousands deep).
 */
export function textCondition(c: Condition): ConditionOperand[] {
  const operands = readCondition(c);
  const stack: ConditionOperand[] = [...operands];
  for (let o = stack.pop(); o !== undefined; o = stack.pop()) {
    if ('expression' in o) o.parameters = Object.fromEntries(Object.entries(o.parameters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    else if ('and' in o || 'or' in o || 'not' in o) for (const inner of 'and' in o ? o.and : 'or' in o ? o.or : o.not) stack.push(inner);
  }
  return operands;
}

/** Whether two values are the same as JSON: the test for whether the typed form gives back what the file holds. */
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const RUN_IN = ['WinPE', 'FullOS', 'WinPEandFullOS'] as const;

const spelling = (s: Step | SubTaskSequence) => ({
  attributes: Object.entries(s.attributes),
  action: getAction(s) ?? null,
  variables: s.children.some((c) => c.kind === 'variableList') ? variables(s).map((v) => [Object.entries(v.attributes), v.value]) : null,
});

/** The step's variables as the text writes them raw: null when it has no `<defaultVarList>`, which `[]` would add. */
const rawVariables = (s: Step | SubTaskSequence): TextVariable[] | null => (s.children.some((c) => c.kind === 'variableList') ? variables(s).map(textVariable) : null);

/** A step (or Run Task Sequence step) in the text form, typed where that writes back the same element, raw where not. */
export function stepText(step: Step | SubTaskSequence, release: Release): TextStep {
  const a = step.attributes;
  const entry = a.type === undefined ? undefined : catalogEntry(a.type);
  const view = new StepView(step);
  const t: TextStep = {};
  if (entry) t.step = entry.consoleName;
  else if (a.type !== undefined) t.type = a.type;
  // The element the builder makes for the type (the catalog's, else <step>), said when the file used the other.
  if (step.kind !== ((entry?.element ?? 'step') === 'subtasksequence' ? 'subtasksequence' : 'step')) t.element = step.kind;
  t.name = a.name ?? '';
  // A description longer than the builders take (the console's 255) is said by the raw attributes only (below): typed,
  // the step was refused as a whole, and convert failed with no place given.
  if (a.description && a.description.length <= MAX_ITEM_DESCRIPTION) t.description = a.description;
  if (a.disable === 'true') t.disabled = true;
  if (a.continueOnError === 'true') t.continueOnError = true;
  // Typed only when the number prints as written (the builder refuses one printed in exponent form, 1e+21) and the
  // text's schema takes it (at most a UInt32); otherwise the attributes are written raw.
  if (a.timeout !== undefined && /^\d+$/.test(a.timeout) && String(Number(a.timeout)) === a.timeout && Number(a.timeout) <= MAX_TIMEOUT) t.timeout = Number(a.timeout);
  const runIn = RUN_IN.find((r) => r === a.runIn);
  if (entry && runIn !== undefined && runIn !== entry.runIn) t.runIn = runIn;
  // Typed only when each code is one the text's schema takes (an exit code); otherwise the attributes are written raw.
  const codes = a.successCodeList !== undefined && /^-?\d+( -?\d+)*$/.test(a.successCodeList) ? a.successCodeList.split(' ').map(Number) : undefined;
  if (entry && codes && a.successCodeList !== entry.successCodeList && codes.every((c) => c >= EXIT_CODE_RANGE.minimum && c <= EXIT_CODE_RANGE.maximum)) t.successCodes = codes;
  const cond = conditionOf(step);
  if (cond) t.condition = textCondition(cond);
  // Typed only when the settings are valid for the type (the schema the text is checked against on build).
  const clean = entry !== undefined && Object.keys(view.verbatim).length === 0 && view.extra.length === 0 && validateStepSettings(entry.type, view.settings).length === 0;
  if (clean && Object.keys(view.settings).length > 0) t.settings = view.settings;
  const want = spelling(step);
  const build = (x: TextStep) => {
    try {
      return spelling(stepNode(x, release));
    } catch {
      return undefined; // typed settings the builder refuses (a required one missing): written raw instead
    }
  };
  // Whatever the typed form does not reproduce exactly is written out raw, one part at a time.
  let got = build(t) ?? { attributes: [], action: null, variables: null };
  if (!build(t)) {
    delete t.settings;
    t.variables = rawVariables(step);
    got = build(t) ?? got;
  }
  if (!clean || !same(got.variables, want.variables)) {
    delete t.settings;
    t.variables = rawVariables(step);
  }
  got = spelling(stepNode(t, release));
  if (!same(got.attributes, want.attributes)) {
    delete t.timeout;
    delete t.runIn;
    delete t.successCodes;
    t.attributes = { ...a };
  }
  if (got.action !== want.action) t.action = want.action;
  // A name longer than the text's schema takes is said by the raw attributes only: written as name, the text was one
  // cmts build refused.
  if (t.name !== undefined && t.name.length > MAX_NAME_LENGTH) {
    delete t.name;
    t.attributes ??= { ...a };
  }
  if (a.description !== undefined && a.description.length > MAX_ITEM_DESCRIPTION) t.attributes ??= { ...a };
  return t;
}
