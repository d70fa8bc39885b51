/**
 * `cmts inspect`: the sequence as a tree, the way the console's task sequence editor shows it.
 */
import { conditionOf, describeCondition } from '../model/conditions.js';
import { type ModelJson, toModelJson } from '../model/json.js';
import { isSequenceItem } from '../model/query.js';
import { findSteps } from '../model/find-items.js';
import { isDisabled } from '../presets/kb977203-step-queries.js';
import { InstallSoftwareStep, RestartComputerStep, RunCommandLineStep, SetupWindowsStep, STEP_TYPES, stepTypeName } from '../model/steps.js';
import type { Group, Sequence, SequenceItem, Step, SubTaskSequence, Variable } from '../model/types.js';
import { childSequenceOf, isRunTaskSequence } from '../model/child-sequence.js';
import { keySettings, stepSettingsJson } from '../catalog/key-settings.js';
import { HIDDEN, setValueShown } from '../render/key-settings.js';
import { maskRules, secretFieldsOf } from '../render/secret-fields.js';
import { maskedRules } from '../catalog/rule-words.js';
import { namedVariables } from '../diff/item-fields.js';
import { catalogEntry } from '../catalog/catalog.js';
import { arraySettingOf, matchVariable } from '../catalog/variable-match.js';
import { isDynamicRules } from '../catalog/dynamic-rules.js';
import type { TaskSequenceDocument } from '../document.js';
import { printable } from '../errors.js';
import { TextLength } from '../text-length.js';
import { loadDocuments } from './load.js';
import { flag, type OptionSpecs, readLimitHelp, READ_LIMIT_OPTIONS } from './args.js';
import { startCommand } from './start-command.js';
import { inputsOrFail } from './inputs.js';
import type { CliIo } from './io.js';
import { errorRecord, inputFailure, type JsonReport, printJson, reportFailure } from './json-report.js';
import { EXIT } from './exit.js';
import { readerWentAway } from './std-stream.js';

/** The command's --help text. */
export const HELP = `NAME
    cmts inspect - show task sequences as a tree, or their model as JSON

SYNOPSIS
    cmts inspect <input>... [--json [--whitespace]]

DESCRIPTION
    Shows each task sequence as a tree: groups and steps with the console's step type names, disabled and
    continue-on-error marks (an item inside a disabled group, which ConfigMgr skips with all it holds, is
    marked "in a disabled group", as cmts render marks it), a one-line summary of each condition, and the
    key properties of the steps.
    An input is a file (.xml in any container, or a Current Branch export .zip), a folder (its .xml and .zip
    files), a glob (*, ?, **; a name that exists is that file), or - for standard input.

OPTIONS
    --json          print {"results": [{"input", "model", "steps"} | {"input", "error"}], "summary"} instead
                    (schemas/inspect.report.schema.json; each model as schemas/task-sequence.schema.json;
                    "steps" holds each step's typed settings from the step catalog, and inDisabledGroup:
                    whether a group around it is disabled); errors and usage errors are printed in the
                    same report. In "steps", a secret's value shows as (hidden), as in the tree, render
                    and diff (a password-like variable, one the catalog types as secret, the value of a Set
                    Task Sequence Variable step that sets a secret); "model" keeps every value as written
                    (the lossless model, as cmts convert writes it)
    --whitespace    with --json: keep the file's layout (whitespace text nodes)
${readLimitHelp('    ', 20)}
    -h, --help      show this help

EXAMPLES
    cmts inspect ts.xml
    cmts inspect exports/*.zip
    Get-Content ts.xml -Raw | cmts inspect -
    cmts inspect ts.xml --json | jq '.results[0].model.properties.Name'

EXIT STATUS
    0 every input shown; 1 an input could not be read (the others are still shown); 2 usage error, or a
    folder that cannot be listed.
`;

const OPTIONS: OptionSpecs = { json: { type: 'boolean' }, whitespace: { type: 'boolean' }, ...READ_LIMIT_OPTIONS, help: { type: 'boolean', short: 'h' } };
const CONTAINER = { sequence: 'bare <sequence>', 'sms-package': 'ConfigMgr 2007 export', 'cim-instance': 'Current Branch object.xml' } as const;

/** Key properties of a step, one `label: value` string each. */
export function keyProperties(item: SequenceItem): string[] {
  if (item.kind === 'group') return [];
  if (isRunTaskSequence(item)) return [`task sequence: ${childSequenceOf(item) ?? '?'}`];
  const out: string[] = [];
  // MDT writes Run Command Line steps without a type.
  switch (item.attributes.type ?? STEP_TYPES.runCommandLine) {
    case STEP_TYPES.setupWindowsAndConfigMgr: {
      const v = new SetupWindowsStep(item);
      out.push(`installation properties: ${v.clientInstallProperties || '(none)'}`, `client package: ${v.clientPackageId ?? '(none)'}`);
      break;
    }
    case STEP_TYPES.installSoftware: {
      const v = new InstallSoftwareStep(item);
      out.push(v.baseVariableName !== undefined ? `install multiple: base variable ${v.baseVariableName}` : `package: ${v.packageId ?? '?'}, program: ${v.programName ?? '?'}`);
      break;
    }
    case STEP_TYPES.restartComputer: {
      const v = new RestartComputerStep(item);
      out.push(`restart to: ${v.target === 'HD' ? 'the currently installed default operating system' : v.target === 'WinPE' ? 'the boot image' : (v.target ?? '?')}`, `notify the user: ${v.notifiesUser ? `yes (${v.timeout} s)` : 'no'}`);
      break;
    }
    case STEP_TYPES.runCommandLine: {
      const v = new RunCommandLineStep(item);
      out.push(`command line: ${v.commandLine ?? '?'}`);
      if (v.packageId) out.push(`package: ${v.packageId}`);
      break;
    }
    case STEP_TYPES.setVariable: {
      // As a rendered page shows it: "Do not display this value", or a password-like name, hides the value.
      out.push(setValueShown(item));
      break;
    }
    default:
      out.push(...keySettings(item));
  }
  return out;
}

/**
 * The deepest level of groups the tree indents; an item deeper down is drawn at that level's column, its line starting
 * `[level N]`. Each line is indented by its level, so a chain of N groups drew text in N² (5,000 groups: 38 MB in
 * 2 s; 20,000 passed the longest string); capped, the tree grows with the items. No console tree is 32 levels deep.
 */
export const TREE_INDENT_LEVELS = 32;

/**
 * The marks after an item's name. `off`: a group around it is disabled, so it never runs, whatever its own flag says;
 * said as cmts render says it (the page's "in a disabled group" badge), and, as there, only when its own "disabled"
 * does not say it already.
 */
function marks(item: SequenceItem, off: boolean): string {
  const m: string[] = [];
  if (isDisabled(item)) m.push('disabled');
  else if (off) m.push('in a disabled group');
  if (item.attributes.continueOnError === 'true') m.push('continue on error');
  return m.length ? `  [${m.join(', ')}]` : '';
}

/** The tree text of a document. */
export function renderTree(doc: TaskSequenceDocument, file: string): string {
  const name = doc.getProperty('Name');
  const lines = [`${name ? `${name} — ` : ''}${file} (${CONTAINER[doc.container]}, sequence version ${doc.sequence.attributes.version ?? '?'}, ${doc.encoding.encoding.toUpperCase()}${doc.encoding.bom ? ' with BOM' : ''})`];
  const dependent = doc.getProperty('DependentProgram');
  if (dependent) lines.push(`run another program first: ${dependent}`);
  // A stack of items still to show instead of recursion, so a document read with a raised maxDepth cannot overflow
  // the call stack; each group's items are pushed last first, so they come off in document order.
  // `off`: a group around the item is disabled; a group's items are off when it is, or when it is disabled itself (the
  // view of cmts render is built by the same rule: see inDisabledGroup in render/view-model.ts).
  const stack: { item: SequenceItem; last: boolean; prefix: string; level: number; off: boolean }[] = [];
  const pushItems = (parent: Sequence | Group, prefix: string, level: number, off: boolean): void => {
    const items = parent.children.filter(isSequenceItem);
    for (let i = items.length - 1; i >= 0; i--) stack.push({ item: items[i] as SequenceItem, last: i === items.length - 1, prefix, level, off });
  };
  pushItems(doc.sequence, '', 1, false);
  // Still refused as it passes the longest string: many items with long names or settings can get there.
  const length = new TextLength('Its tree');
  const add = (line: string): void => {
    length.add(line.length + 1);
    lines.push(line);
  };
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { item, last, prefix, level, off } = top;
    const label = item.kind === 'group' ? `${item.attributes.name ?? ''}  (group)` : `${item.attributes.name ?? ''}  (${item.kind === 'subtasksequence' ? 'Run Task Sequence' : stepTypeName(item.attributes.type)})`;
    add(`${prefix}${last ? '└─ ' : '├─ '}${level > TREE_INDENT_LEVELS ? `[level ${level}] ` : ''}${label}${marks(item, off)}`);
    const inner = prefix + (last ? '   ' : '│  ');
    const cond = conditionOf(item);
    const detail = [...(cond && describeCondition(cond) ? [`if ${describeCondition(cond)}`] : []), ...keyProperties(item)];
    const pad = item.kind === 'group' && item.children.some(isSequenceItem) ? '│  ' : '   ';
    for (const d of detail) add(`${inner}${pad}${d}`);
    // Past the last level indented, the items stay at its column and say their level instead.
    if (item.kind === 'group') pushItems(item, level < TREE_INDENT_LEVELS ? inner : prefix, level + 1, off || isDisabled(item));
  }
  // Each line as printable writes it: a name or a setting from the file may hold a control character.
  return `${lines.map(printable).join('\n')}\n`;
}

/** A step's record in `--json`'s "steps". */
type StepJson = ReturnType<typeof stepSettingsJson>[number] & { inDisabledGroup: boolean };

/**
 * Each step's typed settings (see stepSettingsJson), in document order, each with whether a group around it is
 * disabled (`inDisabledGroup`, as the tree's mark and cmts render's view say it): added after the fields it had.
 */
export function stepsJson(doc: TaskSequenceDocument): StepJson[] {
  // Both lists are findSteps's, in its order: one entry a step.
  const located = findSteps(doc.sequence);
  return stepSettingsJson(doc).map((s, i) => {
    const node = located[i]?.node;
    return { ...(node ? withSecretsHidden(node, s) : s), inDisabledGroup: located[i]?.groups.some(isDisabled) ?? false };
  });
}

/** A value as the tree and a page show a secret: `(hidden)`, unless there is nothing to hide (empty, white space). */
function hidden(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? value : HIDDEN;
}

/**
 * A step's record with the values cmts keeps secret shown as `(hidden)`, as the tree, cmts render and cmts diff show
 * them (one test for all: `secretFieldsOf`, see render/secret-fields.ts): a password-like variable, one the step
 * catalog types as secret, the value a Set Task Sequence Variable step sets when it sets a secret ("Do not display
 * this value", or a password-like name), in `settings` and in `verbatim`; in Set Dynamic Variables rules, the values
 * of the secret variables only. The model beside it keeps every value as written (it is the lossless model, as
 * convert --to json writes it). Printed in clear here, the password the tree hid was one `jq` away.
 */
function withSecretsHidden(node: Step | SubTaskSequence, record: ReturnType<typeof stepSettingsJson>[number]): ReturnType<typeof stepSettingsJson>[number] {
  const fields = secretFieldsOf(node);
  if (fields.hidden.size === 0 && fields.rules.size === 0) return record;
  const entry = catalogEntry(node.attributes.type);
  const settings: Record<string, unknown> = { ...record.settings };
  const verbatim = { ...record.verbatim };
  for (const c of node.children) {
    if (c.kind !== 'variableList') continue;
    for (const [key, v] of namedVariables(c.children)) {
      const secret = fields.hidden.has(`variable ${key}`);
      if (!secret && !fields.rules.has(`variable ${key}`)) continue;
      const m = entry ? matchVariable(entry, v as Variable) : undefined;
      const own = m === undefined || m.index !== undefined ? v.attributes.property : m.data.property;
      if (own !== undefined && Object.hasOwn(verbatim, own)) verbatim[own] = secret ? (hidden(verbatim[own]) as string) : (maskRules(verbatim[own]) ?? '');
      if (m === undefined) continue;
      if (m.index === undefined) {
        if (!Object.hasOwn(settings, m.data.setting)) continue;
        const value = settings[m.data.setting];
        settings[m.data.setting] = secret ? hidden(value) : isDynamicRules(value) ? maskedRules(value) : value;
        continue;
      }
      // An item of an array setting: its own field in that item.
      const arraySetting = entry ? arraySettingOf(entry, m.data) : (m.data.arrayOf ?? '');
      const items = settings[arraySetting];
      if (!Array.isArray(items) || !secret) continue;
      settings[arraySetting] = items.map((item: unknown, n) => (n === m.index && item !== null && typeof item === 'object' && Object.hasOwn(item, m.data.setting) ? { ...item, [m.data.setting]: hidden((item as Record<string, unknown>)[m.data.setting]) } : item));
    }
  }
  return { ...record, settings, verbatim };
}


/** Runs `cmts inspect`. */
export function run(argv: string[], io: CliIo): number {
  const p = startCommand({ name: 'inspect', help: HELP, options: OPTIONS, requires: { whitespace: 'json' }, jsonSummary: { inputs: 0, sequences: 0, failed: 0 } }, argv, io);
  if (typeof p === 'number') return p;
  const inputs = inputsOrFail('inspect', p.positionals, io);
  if (typeof inputs === 'number') return inputs;
  const json = flag(p, 'json');
  let failed = 0;
  let shown = 0;
  const results: JsonReport<{ input: string; model: ModelJson; steps: StepJson[] }>['results'] = [];
  // Once the reader of standard output went away (`| head`), the trees are for no one: the run stops at the next input
  // and ends quietly, as lint does, with no later input's failure on standard error (the status says it was cut short).
  for (const input of inputs) {
    if (readerWentAway(io.stdout)) break;
    try {
      for (const { label, doc } of loadDocuments(io, input)) {
        if (json) results.push({ input: label, model: toModelJson(doc, { whitespace: flag(p, 'whitespace') }), steps: stepsJson(doc) });
        else io.stdout.write(`${shown ? '\n' : ''}${renderTree(doc, label)}`);
        shown++;
      }
    } catch (e) {
      failed++;
      const err = inputFailure(e);
      reportFailure('inspect', input, err, io.stderr);
      results.push(errorRecord(input, err));
    }
  }
  if (json) printJson(io.stdout, { results, summary: { inputs: inputs.length, sequences: shown, failed } });
  return failed ? EXIT.failed : EXIT.ok;
}
