/**
 * Which changed values a comparison hides, decided from the documents by the test lint's `clear-text-secret` and the
 * pages use (`model/secrets.ts`), so a value hidden on a page or flagged by lint is never printed as a before or an
 * after: a variable whose name or property is password-like, one the step catalog types as secret, a Set Task
 * Sequence Variable step that sets a secret by its variables or by its action line (`holdsSecret`: the line carries
 * the value too) and its action line when the catalog cannot read it, the action line of a step class
 * the catalog does not know (whose page leaves it out: what it carries cannot be told), and in Set Dynamic Variables
 * rules the values of variables marked secret or password-like.
 */
import type { TaskSequenceDocument } from '../document.js';
import { holdsSecret, hidesSetVariableLine } from '../catalog/action-line-secret.js';
import { catalogEntry, isCatalogSecretName } from '../catalog/catalog.js';
import { formatDynamicRules, parseDynamicRules, type WrittenDynamicRule } from '../catalog/dynamic-rules.js';
import { hidesRuleValue, maskedRules, numberedRuleWords } from '../catalog/rule-words.js';
import type { DiffEntry } from '../diff/diff-entry.js';
import { namedVariables, variableListElements, variableNameOf } from '../diff/item-fields.js';
import { listItems } from '../model/query.js';
import { DO_NOT_SHOW_VALUE, hasSecretName, isSecretName, isTrueFlag } from '../model/secrets.js';
import { STEP_TYPES } from '../model/steps.js';
import type { Element, SequenceItem } from '../model/types.js';
import { HIDDEN, HIDDEN_CHANGED, hidesSetValue } from './key-settings.js';
import type { ItemView } from './view-model.js';

/** The fields of an item (under the semantic diff's names: `variable X`, `variable X #2`, `command line`) a page hides. */
export interface SecretFields {
  /** Fields whose whole value shows as `(hidden)`. */
  hidden: Set<string>;
  /** Set Dynamic Variables rules: shown with the values of their secret variables hidden (see {@link maskRules}). */
  rules: Set<string>;
}

/** The Set Task Sequence Variable variable that holds the value set. */
const SET_VALUE = 'variablevalue';

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * Whether a step's page leaves its action line out: a class the catalog does not know (a later release's or a
 * vendor's), whose action line may carry a password the page cannot tell from the rest. A step with no type is MDT's
 * Run Command Line, and a sub task sequence shows the sequence it runs; both are known.
 */
function hidesActionLine(kind: SequenceItem['kind'], type: string | undefined): boolean {
  return kind === 'step' && type !== undefined && catalogEntry(type) === undefined;
}

/** The fields of `item` whose values a page does not show, added to `into` (an item and what it became share one). */
export function addSecretFields(item: SequenceItem, into: SecretFields): SecretFields {
  if (item.kind === 'group') return into;
  const entry = catalogEntry(item.attributes.type);
  const setsHidden = holdsSecret(item);
  if (hidesSetVariableLine(item) || hidesActionLine(item.kind, item.attributes.type)) into.hidden.add('command line');
  for (const c of item.children) {
    if (c.kind !== 'variableList') continue;
    const secret = (v: Element): boolean => {
      const { name, property } = v.attributes;
      // A class the catalog does not know: a variable it types as secret in any class is as secret here, as on its page.
      const catalogSecret = entry ? typed(v, 'secret') : isCatalogSecretName(name ?? '') || isCatalogSecretName(property ?? '');
      return hasSecretName(v) || catalogSecret || (setsHidden && (same(name, SET_VALUE) || same(property, SET_VALUE)));
    };
    const typed = (v: Element, valueType: string): boolean =>
      entry?.variables.some((d) => d.valueType === valueType && (same(v.attributes.name, d.name) || same(v.attributes.property, d.property))) ?? false;
    for (const [key, v] of namedVariables(c.children)) {
      const field = `variable ${key}`;
      if (secret(v)) into.hidden.add(field);
      else if (typed(v, 'dynamicRules')) into.rules.add(field);
    }
    // A variable holding markup is no value the diff reads, but an element it shows whole: a secret one is hidden whole.
    for (const [key, , e] of variableListElements(c.children)) if (e.tag === 'variable' && secret(e)) into.hidden.add(`${c.tag} ${key}`);
  }
  return into;
}

/** The fields of an item a page hides (see {@link addSecretFields}). */
export function secretFieldsOf(item: SequenceItem): SecretFields {
  return addSecretFields(item, { hidden: new Set(), rules: new Set() });
}

/**
 * The keys (`G`, `G #2`, as the diff's paths) of the global variables of `doc` whose name or property is password-like,
 * and of such variables holding markup (`globalVarList element variable`).
 */
export function addSecretGlobals(doc: TaskSequenceDocument, into: Set<string>): Set<string> {
  for (const c of doc.sequence.children) {
    if (c.kind !== 'variableList') continue;
    for (const [key, v] of namedVariables(c.children)) if (hasSecretName(v)) into.add(key);
    // One holding markup is compared as an element of the sequence, under the key the diff gives it.
    for (const [key, , e] of variableListElements(c.children)) if (e.tag === 'variable' && hasSecretName(e)) into.add(`${c.tag} ${key}`);
  }
  return into;
}

/** A value as a page shows a hidden one: `(hidden)`, unless there is nothing to hide. */
export function hideValue(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? value : HIDDEN;
}

/**
 * A Set Dynamic Variables `Rules` text with the values of its secret variables (marked secret, or password-like)
 * hidden. The text is parsed as XML (`parseDynamicRules`), as lint reads it, so no spelling of the end tag or CDATA
 * section hides a value from the mask: with no secret value it is shown as written; with one, in the console's form
 * with `(hidden)` in its place; a text that is not the rules grammar, whose values cannot be told apart, is hidden whole.
 * Given the text it changed from (`before`), a hidden value that differs from the one at its place there (the same
 * rule, the same variable) shows as `(hidden, changed)`, and so does a whole text hidden on both sides.
 */
export function maskRules(text: string | undefined, before?: string): string | undefined {
  if (text === undefined || text.trim() === '') return text;
  const rules = parseDynamicRules(text);
  // The text it changed from is read only to tell which hidden value changed; it is never shown here.
  const changed = before !== undefined && before !== text;
  const old = changed ? parseDynamicRules(before) : undefined;
  if (rules === undefined) return changed && old === undefined && before.trim() !== '' ? HIDDEN_CHANGED : HIDDEN;
  if (!rules.some((r) => r.variables.some(hidesRuleValue))) return text;
  return formatDynamicRules(maskedRules(rules, (i, j) => (old !== undefined && changedAt(old, rules, i, j) ? HIDDEN_CHANGED : HIDDEN)));
}

/**
 * A Set Dynamic Variables `Rules` text in words, as a page lists them (`rule 1: if MAC address "…" then set …`, see
 * `ruleWords`), joined by `; `: a comparison's row, which showed the rules' XML (masked). Secret values are hidden as
 * {@link maskRules} hides them, and one that differs from its place in `before` is marked `(hidden, changed)`; a text
 * that is not the rules grammar is hidden whole, as there.
 */
export function rulesInWords(text: string | undefined, before?: string): string | undefined {
  const rules = text === undefined || text.trim() === '' ? undefined : parseDynamicRules(text);
  if (rules === undefined) return maskRules(text, before);
  const old = before !== undefined && before !== text ? parseDynamicRules(before) : undefined;
  return numberedRuleWords(rules, (i, j) => (old !== undefined && changedAt(old, rules, i, j) ? HIDDEN_CHANGED : HIDDEN))
    .map((r) => `${r.label}: ${r.value}`)
    .join('; ');
}

/** Whether the variable at a place (rule `i`, variable `j`) of `rules` is the one of `old` there, with another value. */
function changedAt(old: readonly WrittenDynamicRule[], rules: readonly WrittenDynamicRule[], i: number, j: number): boolean {
  const was = old[i]?.variables[j];
  const now = rules[i]?.variables[j];
  return was !== undefined && now !== undefined && was.name === now.name && was.value !== now.value;
}

/** How {@link hiddenChange} hides a value. */
export interface HiddenChangeOptions {
  /** The whole value is hidden; else it is Set Dynamic Variables rules, of which the secret variables' values are. */
  whole: boolean;
  /** A hidden value that changed shows as `(hidden, changed)` after (default true). */
  mark?: boolean;
  /** Rules are shown in words ({@link rulesInWords}), as a comparison page does, rather than as their XML. */
  words?: boolean;
}

/**
 * A changed value of a field a page hides, before and after, as a comparison shows them: the whole value hidden
 * (`whole`) or, in Set Dynamic Variables rules, the values of the secret variables (see {@link maskRules}). With `mark`,
 * a hidden value that changed shows as `(hidden, changed)` after, so that a change only in what is hidden does not
 * read the same on both sides; nothing more of the secret (not its length, nor a hash of it) is told. With `words` (a
 * comparison page), rules are shown in words ({@link rulesInWords}) rather than as their XML.
 */
export function hiddenChange(before: string | undefined, after: string | undefined, { whole, mark = true, words = false }: HiddenChangeOptions): { before?: string; after?: string } {
  const rules = words ? rulesInWords : maskRules;
  const b = whole ? hideValue(before) : rules(before);
  let a = whole ? hideValue(after) : rules(after, mark ? before : undefined);
  if (mark && whole && a === HIDDEN && b === HIDDEN && after !== before) a = HIDDEN_CHANGED;
  return { ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) };
}

/**
 * What a comparison hides, read from both documents: for each item of the new view (in execution order), the fields
 * it or the old item it came from keeps secret, and the keys of the global variables secret in either.
 */
export interface ComparisonSecrets {
  items: (SecretFields | undefined)[];
  globals: ReadonlySet<string>;
}

/** The secrets of a comparison of `oldDoc` with `newDoc`, `matched` saying which new item each old one became. */
export function comparisonSecrets(oldDoc: TaskSequenceDocument, newDoc: TaskSequenceDocument, matched: (number | undefined)[]): ComparisonSecrets {
  const items = listItems(newDoc.sequence).map((l) => secretFieldsOf(l.node));
  // The old side too: a value that was a secret stays hidden after it is renamed or marked shown.
  listItems(oldDoc.sequence).forEach((l, n) => {
    const into = items[matched[n] ?? -1];
    if (into) addSecretFields(l.node, into);
  });
  return { items, globals: addSecretGlobals(oldDoc, addSecretGlobals(newDoc, new Set())) };
}

/**
 * Without the documents (a caller of {@link overlayChanges} with views alone), only names are known: the fields of
 * an item whose variable name is password-like or typed secret by the catalog, a Set Task Sequence Variable step's
 * value when its page hides it or its old name was password-like, and the action line of a class the catalog does not
 * know.
 */
export function secretsByName(item: ItemView): SecretFields {
  const out: SecretFields = { hidden: new Set(), rules: new Set() };
  const entry = catalogEntry(item.type);
  for (const f of item.change?.fields ?? []) {
    const name = f.field.startsWith('variable ') ? variableNameOf(f.field) : undefined;
    if (name === undefined) continue;
    const typed = (t: string) => entry?.variables.some((v) => v.valueType === t && (v.name === name || v.property === name)) ?? false;
    if (hasSecretName({ attributes: { name } }) || (entry ? typed('secret') : isCatalogSecretName(name))) out.hidden.add(f.field);
    else if (typed('dynamicRules')) out.rules.add(f.field);
  }
  const fields = item.change?.fields ?? [];
  const hiddenBefore = fields.some((f) => f.before !== undefined && ((f.field === `variable ${DO_NOT_SHOW_VALUE}` && isTrueFlag(f.before)) || (f.field === 'variable VariableName' && isSecretName(f.before.trim()))));
  if (item.type === STEP_TYPES.setVariable && (hiddenBefore || hidesSetValue(item.settings))) for (const f of ['command line', 'variable VariableValue']) out.hidden.add(f);
  if (hidesActionLine(item.kind, item.type)) out.hidden.add('command line');
  return out;
}

/**
 * A global variable's entry with its values hidden when the variable is a secret; so is the entry of a secret one
 * holding markup, which the diff compares as an element of the sequence (`globalVarList element variable`). With
 * `mark` (a comparison page), a hidden value that changed shows as `(hidden, changed)` after (see {@link hiddenChange}).
 */
export function shownGlobal(d: DiffEntry, secrets: ComparisonSecrets | undefined, mark = false): DiffEntry {
  if (d.field !== undefined) return d;
  let secret: boolean;
  if (d.kind === 'variable') secret = secrets ? secrets.globals.has(d.path) : hasSecretName({ attributes: { name: variableNameOf(d.path) ?? d.path } });
  else if (d.kind === 'sequence') secret = secrets?.globals.has(d.path) ?? false;
  else return d;
  if (!secret) return d;
  const { before, after, ...rest } = d;
  return { ...rest, ...hiddenChange(before, after, { whole: true, mark }) };
}
