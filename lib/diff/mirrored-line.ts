/**
 * Whether a step's `<action>` command line changed only as the mirror of its variables. The console writes a step's
 * action line from its settings (the catalog's template, see catalog/action-line.ts), and the library's setters
 * (`RunCommandLineStep.commandLine`, `stepView(step).set`) re-render it when a setting it shows changes: one edit of a
 * Run Command Line's command changes both `<action>smsswd.exe /run: …</action>` and the CommandLine variable, and the
 * diff reported that one edit twice. Where the line on each side is exactly what that side's variables render (with
 * the same template and the same release segments), its change says nothing the variables' changes do not, and the
 * diff reports only those. Where either line is not its variables' rendering (hand edited, so that the line and the
 * variable disagree; an MDT line that keeps values of its own; a switch a newer console writes), its change is
 * reported as before.
 */
import { renderAction } from '../catalog/action-line.js';
import { actionTexts } from '../catalog/action-texts.js';
import { entryOfStep, StepView } from '../catalog/step-view.js';
import type { SequenceItem } from '../model/types.js';

/**
 * What the line `line` of `item` is rendered from, as one text (the step type, the template and its release
 * segments), when it is exactly what the item's variables render; undefined when it is not, or the catalog knows no
 * template for the item.
 */
function renderedFrom(item: SequenceItem, line: string): string | undefined {
  if (item.kind === 'group') return undefined;
  const entry = entryOfStep(item);
  if (entry === undefined) return undefined;
  const variables = new StepView(item).propertyTexts();
  const found = actionTexts(entry, line, variables);
  if (found === undefined) return undefined;
  // Only the release segments (`@1810`) of what the line carries: a value read from the line, put back, renders it
  // again whatever the variables say.
  const markers = Object.keys(found.texts).filter((k) => k.startsWith('@'));
  if (renderAction(found.template, { ...variables, ...Object.fromEntries(markers.map((k) => [k, ''])) }) !== line) return undefined;
  return JSON.stringify([entry.type, found.template, markers]);
}

/**
 * Whether the change of a step's command line from `before` (of `a`) to `after` (of `b`) is the mirror of changes of
 * its variables, which the diff reports: both lines are exactly their own variables' rendering, by one template with
 * the same release segments.
 */
export function lineMirrorsVariables(a: SequenceItem, before: string, b: SequenceItem, after: string): boolean {
  const from = renderedFrom(a, before);
  return from !== undefined && from === renderedFrom(b, after);
}
