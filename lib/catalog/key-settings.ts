/**
 * What `cmts inspect` shows of a step, from the catalog: its non-empty settings in words (secrets left out, scripts
 * and rules summarised), and the typed settings for `inspect --json`.
 */
import type { TaskSequenceDocument } from '../document.js';
import { findSteps } from '../model/find-items.js';
import { HIDDEN_OPERAND } from '../model/condition-words.js';
import { hasSecretName } from '../model/secrets.js';
import { variables } from '../model/variables.js';
import type { Step, SubTaskSequence, Variable } from '../model/types.js';
import { isCatalogSecretName } from './catalog.js';
import { parseDynamicRules, type WrittenDynamicRule } from './dynamic-rules.js';
import { numberedRuleWords } from './rule-words.js';
import { StepView } from './step-view.js';
import { decodeValue } from './values.js';

/** The most lines of settings shown per step. */
const MAX_LINES = 8;

/**
 * A setting's or property's name in words (`OSDJoinDomainID` is `osd join domain ID`). A property name comes from the
 * file for a class the catalog does not know, so each rule looks at one character and the next two only: `[A-Z]+`
 * before `[A-Z][a-z]` re-read a run of capitals from each of its letters, and 300,000 took 40 s.
 */
function words(setting: string): string {
  return setting
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .replace(/\bid\b/g, 'ID');
}

function show(value: unknown, valueType: string): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (valueType === 'base64Script' && typeof value === 'string') {
    const lines = value.split(/\r?\n/).filter((l) => l.trim() !== '');
    return `${JSON.stringify(lines[0] ?? '')}${lines.length > 1 ? ` (+${lines.length - 1} lines)` : ''}`;
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? `{${Object.entries(v as object).map(([k, x]) => `${k}: ${String(x)}`).join(', ')}}` : String(v))).join(', ');
  return String(value);
}

/**
 * Set Dynamic Variables rules as settings, one a rule (`rule 1`: its condition and the variables it sets, in words),
 * from the typed rules or the text as written. A text that is not the rules' grammar is marked not readable, its
 * content hidden as a comparison hides it: a secret value in it cannot be told from the rest.
 */
function ruleSettings(value: unknown): Setting[] {
  const rules = typeof value === 'string' ? parseDynamicRules(value) : (value as WrittenDynamicRule[]);
  if (rules === undefined) return [{ label: 'rules', value: `${HIDDEN_OPERAND}: not readable as rules, so a secret value in it cannot be told apart` }];
  return numberedRuleWords(rules);
}

/** One setting in words: `image package ID` and `ABC00002`. */
export interface Setting {
  label: string;
  value: string;
}

/**
 * The catalog settings of a step in words: every non-empty setting in catalog order, secrets left out (for a class the
 * catalog does not know, its variables as written). The view's settings, property and action texts are read once per
 * step, so this stays linear in the step's variables (render calls it for every step of a 2 MB sequence).
 */
export function catalogSettings(step: Step | SubTaskSequence): Setting[] {
  const view = new StepView(step);
  const entry = view.entry;
  if (!entry) return unknownClassSettings(step);
  const settings = view.settings as Record<string, unknown>;
  const texts = view.propertyTexts();
  let fromAction: Record<string, string> | undefined;
  const out: Setting[] = [];
  for (const v of entry.variables) {
    // Typed secret, or named like one (a product key is typed a string, and lint calls its value a clear-text secret).
    if (v.arrayOf || v.valueType === 'secret' || hasSecretName({ attributes: { name: v.name, property: v.property } })) continue;
    // As StepView.get: the variable's value when its text is not empty, else what the action line carries.
    let value: unknown = settings[v.setting];
    const text = texts[v.property];
    if (text === undefined || text.trim() === '') {
      fromAction ??= view.actionTexts();
      const a = fromAction[v.property];
      if (a !== undefined && a !== '') value = decodeValue(v.valueType, a) ?? a;
    }
    // Rules the typed view leaves as written (a condition type no export shows, such as the console's Location rule,
    // or a text not spelt as the console writes it) are shown too, read from that text.
    if (value === undefined && v.valueType === 'dynamicRules' && text !== undefined) value = text.trim() === '' ? undefined : text;
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (v.valueType === 'dynamicRules') out.push(...ruleSettings(value));
    else out.push({ label: words(v.setting), value: show(value, v.valueType) });
  }
  return out;
}

/** Whether a variable's name or property is one the catalog types as secret in some class. */
function catalogSecret(v: Variable): boolean {
  return isCatalogSecretName(v.attributes.name ?? '') || isCatalogSecretName(v.attributes.property ?? '');
}

/**
 * The settings of a step whose class the catalog does not know (a vendor's or a later release's step): its non-empty
 * variables as written, named by their property in words (`ServerName` is `server name`), in written order. Left out,
 * as lint and the page leave them out of every other step: those whose name or property says secret (see
 * `model/secrets.ts`), or is that of a variable the catalog types as secret in some class. Its action line is not
 * shown: what it carries is unknown, and a password on it would be shown.
 */
function unknownClassSettings(step: Step | SubTaskSequence): Setting[] {
  const out: Setting[] = [];
  for (const v of variables(step)) {
    const label = v.attributes.property || v.attributes.name;
    if (!label || v.value.trim() === '' || hasSecretName(v) || catalogSecret(v)) continue;
    out.push({ label: words(label), value: v.value });
  }
  return out;
}

/** A step's settings as `label: value` lines, in catalog order (at most eight, then a count of the rest). */
export function keySettings(step: Step | SubTaskSequence): string[] {
  const lines = catalogSettings(step).map((s) => `${s.label}: ${s.value}`);
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `(${lines.length - MAX_LINES} more settings)`] : lines;
}

/** Each step's typed settings, for `inspect --json`: path, type, console name, settings, and texts with no typed form. */
export function stepSettingsJson(doc: TaskSequenceDocument): { path: string; type: string | null; consoleName: string | null; settings: Record<string, unknown>; verbatim: Record<string, string> }[] {
  return findSteps(doc.sequence).map(({ node, path }) => {
    const view = new StepView(node);
    return { path, type: node.attributes.type ?? null, consoleName: view.entry?.consoleName ?? null, settings: view.settings, verbatim: view.verbatim };
  });
}
