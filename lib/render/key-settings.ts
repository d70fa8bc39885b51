/**
 * The key settings a rendered page shows for a step: the values an administrator checks on the step's properties
 * tab, as `label: value` pairs. The five step classes with named views say first what the console says its way, then
 * their other non-empty catalog settings; every other class the step catalog knows shows its non-empty settings in
 * catalog order (secrets left out, as everywhere). One function, so the
 * renderers do not know where the settings come from.
 */
import { catalogSettings, type Setting } from '../catalog/key-settings.js';
import { InstallSoftwareStep, RestartComputerStep, RunCommandLineStep, SetupWindowsStep, SetVariableStep, STEP_TYPES } from '../model/steps.js';
import { holdsSecret } from '../catalog/action-line-secret.js';
import type { SequenceItem, Step, SubTaskSequence } from '../model/types.js';
import { childSequenceOf, isRunTaskSequence } from '../model/child-sequence.js';
import { HIDDEN_OPERAND } from '../model/conditions.js';

/** What a page shows instead of a secret value: the same words a condition says in place of one. */
export const HIDDEN = HIDDEN_OPERAND;

/** What a comparison shows after a change in place of a hidden value that changed (before, it shows {@link HIDDEN}). */
export const HIDDEN_CHANGED = '(hidden, changed)';

/**
 * What a Set Task Sequence Variable step sets, as a page and `cmts inspect` show it: `name = value`, the value
 * `(hidden)` when the step sets a secret (`holdsSecret`, lint's test: "Do not display this value", or a password-like
 * name, white space around it ignored as ConfigMgr ignores it, in its variables or in the action line the engine runs).
 */
export function setValueShown(step: Step | SubTaskSequence): string {
  const v = new SetVariableStep(step);
  const value = v.variableValue ?? '';
  return `${v.variableName ?? '?'} = ${holdsSecret(step) && value.trim() !== '' ? HIDDEN : value}`;
}

/** Whether key settings are those of a Set Task Sequence Variable step whose value the page hides. */
export function hidesSetValue(settings: readonly Setting[]): boolean {
  return settings.some((s) => s.label === 'set' && s.value.endsWith(` = ${HIDDEN}`));
}

export type { Setting };

function restartTarget(target: string | undefined): string {
  if (target === 'HD') return 'the currently installed default operating system';
  if (target === 'WinPE') return 'the boot image';
  return target ?? '?';
}

/**
 * The catalog settings (by their labels in words) that each step class's own view already shows the console's way:
 * the rest of the step's non-empty catalog settings follow the view's lines (Run Command Line's run-as account and
 * working directory, Install Software's continue on install error), so every setting shows once. Set Task Sequence
 * Variable's name and value are its `set` line, which hides a secret value.
 */
const SHOWN_BY_VIEW: Readonly<Record<string, ReadonlySet<string>>> = {
  [STEP_TYPES.setupWindowsAndConfigMgr]: new Set(['client install properties', 'client package ID']),
  [STEP_TYPES.installSoftware]: new Set(['base variable name', 'package ID', 'program name']),
  [STEP_TYPES.restartComputer]: new Set(['target', 'message', 'message timeout']),
  [STEP_TYPES.runCommandLine]: new Set(['command line', 'package ID']),
  [STEP_TYPES.setVariable]: new Set(['variable name', 'variable value']),
};

/** The key settings of a step, group or sub task sequence (none for a group). */
export function keySettings(item: SequenceItem): Setting[] {
  if (item.kind === 'group') return [];
  if (isRunTaskSequence(item)) {
    return [{ label: 'task sequence', value: childSequenceOf(item) ?? '?' }];
  }
  // MDT writes Run Command Line steps without a type.
  const type = item.attributes.type ?? STEP_TYPES.runCommandLine;
  const own = viewSettings(item, type);
  if (own === undefined) return catalogSettings(item);
  const shown = SHOWN_BY_VIEW[type];
  return [...own, ...catalogSettings(item).filter((s) => !shown?.has(s.label))];
}

/** The console-style lines of a step class with its own view; undefined for the other classes. */
function viewSettings(item: Step | SubTaskSequence, type: string): Setting[] | undefined {
  switch (type) {
    case STEP_TYPES.setupWindowsAndConfigMgr: {
      const v = new SetupWindowsStep(item);
      return [
        { label: 'installation properties', value: v.clientInstallProperties || '(none)' },
        { label: 'client package', value: v.clientPackageId ?? '(none)' },
      ];
    }
    case STEP_TYPES.installSoftware: {
      const v = new InstallSoftwareStep(item);
      if (v.baseVariableName !== undefined) return [{ label: 'install multiple, base variable', value: v.baseVariableName }];
      return [
        { label: 'package', value: v.packageId ?? '?' },
        { label: 'program', value: v.programName ?? '?' },
      ];
    }
    case STEP_TYPES.restartComputer: {
      const v = new RestartComputerStep(item);
      return [
        { label: 'restart to', value: restartTarget(v.target) },
        { label: 'notify the user', value: v.notifiesUser ? `yes (${v.timeout ?? ''} s)` : 'no' },
        ...(v.notifiesUser && v.message ? [{ label: 'message', value: v.message }] : []),
      ];
    }
    case STEP_TYPES.runCommandLine: {
      const v = new RunCommandLineStep(item);
      return [{ label: 'command line', value: v.commandLine ?? '?' }, ...(v.packageId ? [{ label: 'package', value: v.packageId }] : [])];
    }
    case STEP_TYPES.setVariable:
      // "Do not display this value": the page must not show it either.
      return [{ label: 'set', value: setValueShown(item) }];
    default:
      return undefined;
  }
}
