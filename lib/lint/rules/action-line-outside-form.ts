/**
 * What `catalog/action-line` can still say of a command line that has not the console's form (its template does not
 * match it): the line is read against the console's line for the step's settings, each setting it shows and each
 * variable reference the console writes in it being a place of its own, and the literal text between them must be
 * the console's. A setting the line shows otherwise is a disagreement, as in a line of the console's form. Where the
 * console writes a reference (`%OSDImageIndex%`, which the step's own variable fills) the line may hold that
 * variable's value as text (the same to the engine), another value (a disagreement), or another reference, whose
 * value is known only at run time: that place is not checked, and said so. A reference to a variable the step does
 * not set has nothing of the settings to compare with, and is passed over.
 */
import { parse, type TemplatePart } from '../../catalog/action-line.js';
import { ProgramBuilder, runProgram } from '../../catalog/template-match.js';
import type { StepTypeData } from '../../catalog/types.js';
import { variableTexts } from '../../catalog/console-form.js';
import { STEP_TYPES } from '../../model/steps.js';
import { variables } from '../../model/variables.js';
import type { Step, SubTaskSequence } from '../../model/types.js';

/** A task sequence variable reference as the engine expands it. */
const REFERENCE = /%[^%\s]+%/g;

/** A text with each %VAR% reference in lower case: the engine expands a reference whatever its letter case. */
export const foldReferences = (text: string): string => text.replace(REFERENCE, (r) => r.toLowerCase());

/** What the line holds at one place, and what the settings make there. */
export interface Place {
  /** The setting's property (`ImagePackageID`), or the reference the console writes (`%OSDImageIndex%`). */
  what: string;
  /** The line's text there. */
  line: string;
  /** What the settings make there, when the step sets it. */
  settings?: string;
}

/** The places where the line and the settings disagree, and those it takes from other variables (not checked). */
export interface OutsideForm {
  differ: Place[];
  unchecked: Place[];
  /** The line's text for each setting it shows (the first place it shows it). */
  texts: Record<string, string>;
}

/** Whether a text holds a variable reference. */
const holdsReference = (text: string): boolean => text.search(REFERENCE) !== -1;

/**
 * Reads `action` against the console's line for the step's settings (`props`, property texts), or undefined when
 * its literal text is not the console's for them: it cannot be lined up (another program, a switch in another letter
 * case, an older release's line without a later switch, a reference standing for a switch), and nothing in it is
 * judged, as before. The optional segments are the ones the settings make (as `renderAction` writes them), a release
 * segment either way.
 */
export function readOutsideForm(entry: StepTypeData, step: Step | SubTaskSequence, action: string, props: Readonly<Record<string, string>>): OutsideForm | undefined {
  const b = new ProgramBuilder();
  const slots: { group: string; what: string; kind: 'value' | 'reference'; bool: boolean }[] = [];
  const seen = new Set<string>();
  const emit = (parts: readonly TemplatePart[]): void => {
    for (const p of parts) {
      if (p.kind === 'text') {
        let at = 0;
        for (const m of p.text.matchAll(REFERENCE)) {
          b.text(p.text.slice(at, m.index));
          const group = `r${slots.length}`;
          slots.push({ group, what: m[0], kind: 'reference', bool: false });
          b.group(group, () => b.lazyAny());
          at = m.index + m[0].length;
        }
        b.text(p.text.slice(at));
      } else if (p.kind === 'when') {
        if (p.property.startsWith('@')) b.optional(() => emit(p.parts));
        else if (props[p.property] !== undefined) emit(p.parts);
      } else if (seen.has(p.property)) b.lazyAny();
      else {
        seen.add(p.property);
        const group = `v${slots.length}`;
        slots.push({ group, what: p.property, kind: 'value', bool: p.bool });
        b.group(group, () => b.lazyAny());
      }
    }
  };
  emit(parse(entry.action));
  const read = runProgram(b.build(), action);
  if (!read) return undefined;
  const own = new Map(variables(step).map((v) => [(v.attributes.name ?? '').toLowerCase(), v.value]));
  const out: OutsideForm = { differ: [], unchecked: [], texts: {} };
  for (const slot of slots) {
    const line = read.get(slot.group);
    if (line === undefined) continue;
    if (slot.kind === 'value') {
      out.texts[slot.what] = line;
      const settings = props[slot.what];
      const caseless = slot.bool || (slot.what === 'VariableName' && step.attributes.type === STEP_TYPES.setVariable);
      if (settings === undefined || sameValue(caseless, line, settings)) continue;
      out.differ.push({ what: slot.what, line, settings });
      continue;
    }
    // A reference to a variable the step does not set (`%DeployRoot%`) has nothing of the settings to compare with.
    const settings = own.get(slot.what.slice(1, -1).toLowerCase());
    if (settings === undefined || foldReferences(line) === slot.what.toLowerCase() || line === settings) continue;
    if (holdsReference(line)) out.unchecked.push({ what: slot.what, line, settings });
    else out.differ.push({ what: slot.what, line, settings });
  }
  return out;
}

/**
 * Whether the line's text for a setting says what the setting does: references in any letter case, and the whole
 * text in any letter case when it is `caseless` (a True/False, in the .NET spelling or the variables'; Set Task
 * Sequence Variable's variable name, which the engine does not tell apart by case).
 */
function sameValue(caseless: boolean, line: string, settings: string): boolean {
  return foldReferences(line) === foldReferences(settings) || (caseless && line.toLowerCase() === settings.toLowerCase());
}

/** The step's property texts from its variables (array items aside), as `expectedAction` takes them. */
export function settingsTexts(entry: StepTypeData, step: Step | SubTaskSequence): Record<string, string> {
  return variableTexts(entry, step);
}
