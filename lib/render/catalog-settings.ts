/**
 * A step's settings from the step catalog as a page shows them: every non-empty setting in catalog order, secrets
 * left out, scripts and dynamic rules summarised — the lines of `cmts inspect`, all of them (a page has room). The
 * view's settings, property texts and action texts are read once per step, so a 2 MB sequence of many step types
 * renders in well under a second.
 */
import type { DynamicRule } from '../catalog/dynamic-rules.js';
import { StepView } from '../catalog/step-view.js';
import { decodeValue } from '../catalog/values.js';
import type { Step, SubTaskSequence } from '../model/types.js';
import type { Setting } from './key-settings.js';

/** `imagePackageID` → `image package ID`, as `cmts inspect` words it. */
function words(setting: string): string {
  return setting
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bid\b/g, 'ID');
}

function show(value: unknown, valueType: string): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (valueType === 'base64Script' && typeof value === 'string') {
    const lines = value.split(/\r?\n/).filter((l) => l.trim() !== '');
    return `${JSON.stringify(lines[0] ?? '')}${lines.length > 1 ? ` (+${lines.length - 1} lines)` : ''}`;
  }
  if (valueType === 'dynamicRules' && Array.isArray(value)) {
    const rules = value as DynamicRule[];
    return `${rules.length} rule${rules.length === 1 ? '' : 's'} setting ${rules.flatMap((r) => r.variables.map((v) => v.name)).join(', ')}`;
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? `{${Object.entries(v as object).map(([k, x]) => `${k}: ${String(x)}`).join(', ')}}` : String(v))).join(', ');
  return String(value);
}

/** The catalog settings of a step (none for a class the catalog does not know). */
export function catalogSettings(step: Step | SubTaskSequence): Setting[] {
  const view = new StepView(step);
  const entry = view.entry;
  if (!entry) return [];
  const settings = view.settings as Record<string, unknown>;
  const texts = view.propertyTexts();
  let fromAction: Record<string, string> | undefined;
  const out: Setting[] = [];
  for (const v of entry.variables) {
    if (v.arrayOf || v.valueType === 'secret') continue;
    // As StepView.get: the variable's value when its text is not empty, else what the action line carries.
    let value: unknown = settings[v.setting];
    const text = texts[v.property];
    if (text === undefined || text.trim() === '') {
      fromAction ??= view.actionTexts();
      const a = fromAction[v.property];
      if (a !== undefined && a !== '') value = decodeValue(v.valueType, a) ?? a;
    }
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out.push({ label: words(v.setting), value: show(value, v.valueType) });
  }
  return out;
}
