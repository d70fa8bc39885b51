/**
 * insert-steps-after: puts new steps right after a step (same parent), in the form ConfigMgr writes them, unless
 * the same steps already follow it. They run exactly when that step runs: disabled after a disabled step, and after
 * a step with a condition, with a copy of it or in a group that carries it (see ./conditions.ts).
 */
import { LATEST_RELEASE, type Release, sequenceRelease } from '../catalog/versions.js';
import { LINE_END, LINE_END_WORDS } from '../model/item-checks.js';
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { createInstallSoftwareStep, createRestartComputerStep, createRunCommandLineStep, createSetVariableStep } from '../model/builders.js';
import { isEnabled } from '../model/attributes.js';
import { editBatch } from '../model/edit-batch.js';
import { conditionOf } from '../model/conditions.js';
import { escapeName, type Located, nextItemIndex, pathNames } from '../model/query.js';
import { findSteps, type StepQuery } from '../model/find-items.js';
import { InstallSoftwareStep, RestartComputerStep, RunCommandLineStep, SetVariableStep, STEP_TYPES } from '../model/steps.js';
import type { Condition, SequenceItem, Step } from '../model/types.js';
import { conditionMode, copyCondition, testedVariables, wrapInGroup } from './conditions.js';
import { markupBudget, markupOf } from './markup-count.js';
import { type Change, emptyPlan, fromPlan, type Plan, type Transform } from './context.js';
import { ASCII_ADVICE, checkedAt, checkText, CONSOLE_LIMITS, PACKAGE_ID, validOptions } from './values.js';
import { shownValue } from '../shown-value.js';

/** A step to insert, by class. */
export type NewStep =
  | { type: 'install-software'; name: string; description?: string; packageId: string; programName: string; continueOnError?: boolean }
  | { type: 'restart-computer'; name: string; description?: string; target?: 'HD' | 'WinPE'; notify?: boolean; message?: string; timeout?: number }
  | { type: 'run-command-line'; name: string; description?: string; commandLine: string; packageId?: string }
  | { type: 'set-variable'; name: string; description?: string; variableName: string; value: string };

/** The description of the group that carries the condition of a step the new steps follow (found by it again). */
function conditionGroupDescription(name: string): string {
  return `The condition of "${name}", evaluated once for it and the steps inserted after it`;
}

/** Options of {@link insertStepsAfter}. */
export interface InsertStepsAfterOptions {
  /** Which steps to insert after (every match): at least one of `type`, `name` and `path` (an empty query is refused). */
  after: StepQuery;
  steps: NewStep[];
  /** Requirement ids recorded on each inserted step, by position in `steps`; default none. */
  requirements?: string[];
}

function build(spec: NewStep, retryAttributes: boolean, disabled: boolean, release: Release): Step {
  const step = buildWith(spec, retryAttributes, disabled, release);
  // The name is set after building: the provider takes up to 100 characters (the options schema's limit, checked
  // again while planning); the builders hold names to the 50 the console shows.
  step.attributes.name = spec.name;
  return step;
}

function buildWith(spec: NewStep, retryAttributes: boolean, disabled: boolean, release: Release): Step {
  // Spelt for the sequence's release: a Current Branch step's run-as-user flag is not written into an older sequence.
  const common = { name: 'step', retryAttributes, release, ...(disabled ? { disabled: true } : {}), ...(spec.description === undefined ? {} : { description: spec.description }) };
  switch (spec.type) {
    case 'install-software':
      return createInstallSoftwareStep({ ...common, packageId: spec.packageId, programName: spec.programName, ...(spec.continueOnError ? { continueOnError: true } : {}) });
    case 'restart-computer':
      return createRestartComputerStep({
        ...common,
        ...(spec.target === undefined ? {} : { target: spec.target }),
        ...(spec.notify === undefined ? {} : { notify: spec.notify }),
        ...(spec.message === undefined ? {} : { message: spec.message }),
        ...(spec.timeout === undefined ? {} : { timeout: spec.timeout }),
      });
    case 'run-command-line':
      return createRunCommandLineStep({ ...common, commandLine: spec.commandLine, ...(spec.packageId === undefined ? {} : { packageId: spec.packageId }) });
    case 'set-variable':
      return createSetVariableStep({ ...common, variableName: spec.variableName, value: spec.value });
  }
}

/**
 * Whether one of the new steps sets a variable `condition` tests: a copy of the condition on the steps after it would
 * be evaluated with the new value, and they would not run when the step they follow did.
 */
function setsTested(steps: readonly NewStep[], condition: Condition): boolean {
  const tested = testedVariables(condition);
  return steps.some((s) => s.type === 'set-variable' && tested.has(s.variableName.toLowerCase()));
}

/** Whether an existing step already does what `spec` asks for. */
export function stepMatches(item: SequenceItem | undefined, spec: NewStep): boolean {
  if (!item || item.kind !== 'step') return false;
  const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  switch (spec.type) {
    case 'install-software': {
      if (item.attributes.type !== STEP_TYPES.installSoftware) return false;
      const v = new InstallSoftwareStep(item);
      return same(v.packageId, spec.packageId) && same(v.programName, spec.programName);
    }
    case 'restart-computer':
      return item.attributes.type === STEP_TYPES.restartComputer && same(new RestartComputerStep(item).target, spec.target ?? 'HD');
    case 'run-command-line': {
      // The same command from another package (or from none) runs other files: not the step asked for.
      if (item.attributes.type !== STEP_TYPES.runCommandLine) return false;
      const v = new RunCommandLineStep(item);
      return v.commandLine === spec.commandLine && same(v.packageId, spec.packageId);
    }
    case 'set-variable': {
      if (item.attributes.type !== STEP_TYPES.setVariable) return false;
      const v = new SetVariableStep(item);
      return same(v.variableName, spec.variableName) && v.variableValue === spec.value;
    }
  }
}

/** How much of a query a STEP_NOT_FOUND message shows whole. */
const SHOWN_QUERY_CHARS = 200;

/**
 * The checks of insert-steps-after's steps that need no document (those of its schema aside): throws
 * `INVALID_ARGUMENT`, marked with the place of the value (`/steps/2/programName`). Its factory makes them, and so does
 * `cmts transform` once for its options file, before any input.
 */
export function checkInsertStepsAfterOptions(options: InsertStepsAfterOptions): void {
  options.steps.forEach((spec, i) => {
    const at = (key: string, check: () => void) => checkedAt(`/steps/${i}/${key}`, check);
    at('name', () => {
      checkText('step name', spec.name, { maxLength: CONSOLE_LIMITS.stepNameMax });
      // One line, as every builder and renameItem hold a name (U+2028 and U+2029 are no control characters).
      if (LINE_END.test(spec.name)) throw new TaskSequenceError('INVALID_ARGUMENT', `The step name ${shownValue(spec.name, '"')} holds ${LINE_END_WORDS}; a name is one line (the console shows and edits it in a one-line box).`);
    });
    at('description', () => checkText('step description', spec.description, { maxLength: CONSOLE_LIMITS.description }));
    // What goes into the action line or names the program to run is printable ASCII only (see TextRules.ascii);
    // names, descriptions, messages and variable values are XML text and take any character XML can carry.
    if ((spec.type === 'install-software' || spec.type === 'run-command-line') && spec.packageId !== undefined && !PACKAGE_ID.test(spec.packageId)) {
      const packageId = spec.packageId;
      at('packageId', () => {
        throw new TaskSequenceError('INVALID_ARGUMENT', `The packageId ${shownValue(packageId, '"')} is not a package ID (site code and five hex digits, upper case).`);
      });
    }
    if (spec.type === 'install-software') at('programName', () => checkText('programName', spec.programName, { noSemicolon: true, noQuote: true, ascii: ASCII_ADVICE.program, maxLength: 100 }));
    if (spec.type === 'run-command-line') at('commandLine', () => checkText('commandLine', spec.commandLine, { ascii: ASCII_ADVICE.command }));
    if (spec.type === 'restart-computer') at('message', () => checkText('message', spec.message, { maxLength: CONSOLE_LIMITS.restartMessage }));
    if (spec.type === 'set-variable') {
      const name = spec.variableName;
      at('variableName', () => {
        if (!/^[A-Za-z][A-Za-z0-9_-]{0,255}$/.test(name)) throw new TaskSequenceError('INVALID_ARGUMENT', `The variableName ${shownValue(name, '"')} is not 1 to 256 letters, digits, _ and -, starting with a letter.`);
      });
      at('value', () => checkText('value', spec.value, { maxLength: CONSOLE_LIMITS.variableValue }));
    }
    // And what the step's builder refuses (a value its command line would read otherwise, a line end where the line
    // keeps one line): built once here, as planning builds it, so that the refusal comes before any document.
    checkedAt(`/steps/${i}`, () => void build(spec, false, false, LATEST_RELEASE));
  });
}

/** What {@link insertStepsAfter} would do; refuses (no step matches, a name the provider would refuse) before any edit. */
export function planInsertStepsAfter(doc: TaskSequenceDocument, options: InsertStepsAfterOptions): Plan {
  checkInsertStepsAfterOptions(options);
  let targets = findSteps(doc.sequence, options.after);
  if (targets.length === 0 && options.after.path !== undefined) {
    // A step this transform put in a group of its name, to carry its condition, has that name once more in its path:
    // the same options run again (a nightly check) find it there, and its steps already in place, rather than nothing.
    const path = options.after.path;
    const last = pathNames(path).at(-1) as string;
    targets = findSteps(doc.sequence, { ...options.after, path: `${path}/${last}` }).filter((l) => {
      const group = l.groups[l.groups.length - 1];
      const name = group?.attributes.name;
      return name !== undefined && escapeName(name) === last && group?.attributes.description === conditionGroupDescription(name);
    });
  }
  if (targets.length === 0) {
    // The whole query where it is short enough to read (a step type's name alone is 40 characters: cut there, the
    // message hid what was searched for), JSON's escapes keeping it on one line; a longer one cut as values are.
    const query = JSON.stringify(options.after);
    throw new TaskSequenceError('STEP_NOT_FOUND', `No step matches ${query.length <= SHOWN_QUERY_CHARS ? query : shownValue(query, '')}.`);
  }
  // The markup the new steps add (their condition copies and groups too), held with the sequence's own to the maxNodes
  // the document was read with, as it is built and before any edit: 600,000 one-line matches with two steps after each
  // ran cmts out of heap after five minutes. Steps already in place add nothing.
  const add = markupBudget(doc, () => `Inserting ${options.steps.length} step(s) after each of the ${targets.length} steps that match`, 'Match fewer steps, or raise the limit.');
  const plan = emptyPlan();
  // Steps found already in place after a match. When the new steps match the query themselves (after every Run
  // Command Line, insert a Run Command Line), such a step is no place to insert after: the second run would insert
  // after the first run's steps, and never be done.
  const inPlace = new Set<SequenceItem>();
  // The insertions are made together, when the last of them is: one by one, each moved every sibling after its place,
  // and thousands of matches in one wide group cost thousands of times its size. They commute with the groups made
  // around other matches meanwhile, which replace one item of a parent by another and leave the rest in place.
  const batch = editBatch(doc.sequence);
  const release = sequenceRelease(doc.sequence, doc.container);
  let pending = 0;
  const insertion = (after: SequenceItem, step: Step): (() => void) => {
    pending++;
    return () => {
      batch.insertAfter(after, [step]);
      if (--pending === 0) batch.apply();
    };
  };
  for (const target of targets) {
    if (inPlace.has(target.node)) continue;
    // The item after the last existing step that matched, and the node the next new step goes after.
    let real: SequenceItem = target.node;
    let realAt = target.index;
    let anchor: SequenceItem = target.node;
    const retry = 'retryCount' in target.node.attributes;
    // Steps after a disabled step run exactly when it does: not at all (as the KB977203 preset does after Setup).
    const disabled = !isEnabled(target.node);
    // And after a step with a condition, only when that condition lets the step run: steps that follow a step belong
    // with it, and ConfigMgr evaluates a step's condition for that step alone. One that tests only variables the
    // sequence or the administrator sets is copied onto each new step; one that the step itself can change (WMI,
    // files, _SMSTS… variables such as _SMSTSLastActionSucceeded) would be evaluated anew after it ran, so it moves
    // to a group around the step and the new steps, evaluated once (as the preset does).
    // A copy is also evaluated anew when a new step before it has set a variable the condition tests: a group then.
    const condition = conditionOf(target.node);
    const wrap = condition !== undefined && (conditionMode(condition) === 'wrap' || setsTested(options.steps, condition)) && target.node.kind === 'step';
    const fresh: { step: Step; after: SequenceItem; change: Change }[] = [];
    options.steps.forEach((spec, i) => {
      const req = options.requirements?.[i] === undefined ? {} : { requirement: options.requirements[i] };
      // Found from where the last one stands: no search of the parent per step (thousands of matches in one group).
      const nextAt = nextItemIndex(target.parent, real, realAt);
      const next = nextAt === -1 ? undefined : (target.parent.children[nextAt] as SequenceItem);
      // A disabled step after an enabled match never runs: it is not in place, as the KB977203 preset finds too.
      if (next && stepMatches(next, spec) && (disabled || isEnabled(next))) {
        plan.already.push({ what: `${spec.type} step "${next.attributes.name ?? ''}"`, where: target.path, ...req });
        real = next;
        realAt = nextAt;
        anchor = next;
        inPlace.add(next);
        return;
      }
      const step = build(spec, retry, disabled, release);
      const after = anchor;
      const carried = condition === undefined ? '' : wrap ? ', in the group that carries the condition of the step it follows' : ', with the condition of the step it follows';
      fresh.push({ step, after, change: { what: `inserted ${spec.type} step "${spec.name}"${disabled ? ', disabled as the step it follows is' : ''}${carried}`, where: `${target.path} (after "${after.attributes.name ?? ''}")`, ...req } });
      anchor = step;
    });
    if (fresh.length === 0) continue;
    if (wrap && fresh.length === options.steps.length) {
      // Every new step goes right after the step: one group holds them all. (Once there, a second run finds them.)
      const steps = fresh.map((f) => f.step);
      // The group's start and end tags; the condition moves to it, adding nothing.
      add(steps.reduce((n, step) => n + markupOf(step), 2));
      const name = target.node.attributes.name ?? '';
      plan.edits.push({
        change: { what: `moved the condition of "${name}" to a new group of the same name around it and the steps inserted after it, evaluated once`, where: target.path },
        apply: () => wrapInGroup(doc, target as Located<Step>, condition, steps, conditionGroupDescription(name)),
      });
      for (const f of fresh) plan.edits.push({ change: f.change, apply: () => undefined });
      continue;
    }
    // Copied, also where some of the steps were already there (a group cannot hold those without moving them).
    for (const f of fresh) {
      if (condition !== undefined) f.step.children.unshift(copyCondition(condition));
      add(markupOf(f.step));
      plan.edits.push({ change: f.change, apply: insertion(f.after, f.step) });
    }
  }
  return plan;
}

/**
 * Inserts `steps` after every step matching `after` (disabled after a disabled step, under its condition after a
 * conditional one); steps that already follow in that order are kept, not added (not a disabled one after an enabled match).
 */
export function insertStepsAfter(options: InsertStepsAfterOptions): Transform {
  // Checked here too: a script that calls the factory gets the refusals createTransform gives, before any edit.
  const checked = validOptions<InsertStepsAfterOptions>('insert-steps-after', 'insert-steps-after.options.schema.json', options);
  checkInsertStepsAfterOptions(checked);
  return fromPlan((doc) => planInsertStepsAfter(doc, checked));
}
