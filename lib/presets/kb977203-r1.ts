/**
 * R1 of KB977203: the hotfix cannot be installed by an Install Software (or Run Command Line) step, because
 * installing it stops the ConfigMgr client service and the task sequence fails. Shared by the preset and the linter.
 */
import { escapeName, listItems, type Located } from '../model/query.js';
import { STEP_TYPES, stepTypeName } from '../model/steps.js';
import type { Step, SubTaskSequence } from '../model/types.js';
import { getAction, getVariableValue, variableList } from '../model/variables.js';
import { shownValue } from '../shown-value.js';
import { checkTree } from '../visit.js';
import { namesKb977203 } from './kb977203-patch.js';

/** A step that installs (or may install) the KB977203 hotfix, with why cmts thinks so. */
export interface HotfixInstallStep {
  located: Located<Step | SubTaskSequence>;
  path: string;
  /**
   * Why, in words: the step by its path (its groups and name, as the preset's other messages name a step, so that one
   * of several steps of that name is told apart), and the program shown as `shownValue` shows values read as data (cut
   * when long).
   */
  why: string;
  /**
   * True when the step's program or command line names the client .msp of KB977203 or KB977384 (or runs
   * `msiexec /p`/`/update` with it): an error. False when only a name or description mentions KB977203 — CCMCertFix
   * ships in `Logs\KB977203`, so administrators name its package that way: a warning.
   */
  explicit: boolean;
}

const HOTFIX_MSP = /SCCM2007AC-SP[12]-KB977(?:203|384)(?!\d)/i;
const MSIEXEC_PATCH = /msiexec(?:\.exe)?\b[^\n]*\/(?:p|update)\b[^\n]*KB977(?:203|384)(?!\d)/i;
/** A client installer on a command line: ccmsetup, or msiexec (with /i, a client.msi). */
const CLIENT_INSTALLER = /\b(?:ccmsetup|msiexec)(?:\.exe)?\b/i;
/** A PATCH property on a command line, with its value (quoted or not). */
const PATCH_PROPERTY = /\bPATCH=("[^"]*"?|\S*)/gi;
/** What goes before the program a command line runs: `cmd /c`, `start ["title"] [/wait …]`, `call`, smsswd's `/run:`. */
const LAUNCHER = /^\s*(?:smsswd(?:\.exe)?\s+\/run:\S*\s+|cmd(?:\.exe)?\s+\/[ck]\s+|start(?:\.exe)?\s+(?:"[^"]*"\s+)?(?:\/\w+\s+)*|call\s+)/i;

/**
 * Whether a command line runs the hotfix .msp itself (its program is the .msp: Windows opens it with Windows Installer),
 * after any `cmd /c`, `start` or `call` before it, or runs `msiexec /p` or `/update` with it, or installs the client
 * (`ccmsetup`, `msiexec /i`) with it in PATCH. A command that only names
 * the file (copies, deletes or tests for it: `xcopy …\SCCM2007AC-SP2-KB977203-x86.msp C:\Staging`) does not install it.
 */
function runsHotfixMsp(command: string): boolean {
  if (MSIEXEC_PATCH.test(command)) return true;
  // A client installation (ccmsetup, or msiexec /i of client.msi) with the hotfix in its PATCH property installs it
  // as Setup Windows and ConfigMgr would, but from a step, with the client service running.
  if (CLIENT_INSTALLER.test(command) && [...command.matchAll(PATCH_PROPERTY)].some((m) => HOTFIX_MSP.test(m[1] as string))) return true;
  for (const line of command.split('\n')) {
    let rest = line;
    for (let m = LAUNCHER.exec(rest); m !== null; m = LAUNCHER.exec(rest)) rest = rest.slice(m[0].length);
    rest = rest.trimStart();
    // The program: a quoted path up to its closing quote, else up to the first white space.
    const close = rest.startsWith('"') ? rest.indexOf('"', 1) : -1;
    const program = rest.startsWith('"') ? rest.slice(1, close === -1 ? undefined : close) : (rest.split(/\s/, 1)[0] as string);
    if (HOTFIX_MSP.test(program) && /\.msp$/i.test(program)) return true;
  }
  return false;
}

/** Install Software and Run Command Line steps whose package, program or command line installs the KB977203 hotfix. */
export function findHotfixInstallSteps(sequence: Parameters<typeof listItems>[0]): HotfixInstallStep[] {
  // It reads the steps' actions and variables: a value that is no string (set by hand) is refused, not a TypeError.
  checkTree(sequence);
  return hotfixInstallStepsIn(listItems(sequence));
}

/**
 * A step's path as the R1 messages show it, in double quotes: each name, escaped as a path writes it, cut as
 * `shownValue` cuts a value read as data, so that a step of a 100,000-character name makes no 100 KB message.
 */
function shownPath(located: Located): string {
  return `"${[...located.groups, located.node].map((n) => shownValue(escapeName(n.attributes.name ?? ''), '')).join('/')}"`;
}

/** Whether a field holds "977". */
const has977 = (t: string | undefined): boolean => t !== undefined && t.includes('977');

/** Whether any variable of the step may hold "977" (one with markup, whose text is read apart, is taken to). */
function variableHas977(step: Step | SubTaskSequence): boolean {
  const list = variableList(step);
  if (!list) return false;
  // Indexed, not for-of: run for every step, mostly while the code is not yet optimised (a command's start-up), when
  // for-of makes an object per variable.
  const children = list.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i] as (typeof children)[number];
    if (c.kind === 'variable' ? has977(c.value) : 'children' in c) return true;
  }
  return false;
}

/** {@link findHotfixInstallSteps} among items already listed (the preset lists a sequence once for all its checks). */
export function hotfixInstallStepsIn(items: readonly Located[]): HotfixInstallStep[] {
  const out: HotfixInstallStep[] = [];
  for (const located of items) {
    const step = located.node;
    if (step.kind === 'group') continue;
    const type = step.attributes.type;
    if (type !== STEP_TYPES.installSoftware && type !== STEP_TYPES.runCommandLine) continue;
    const action = getAction(step);
    const { name, description } = step.attributes;
    // Every test below needs "KB977" in one of them (joined by line ends, no match spans two): a step without "977"
    // (nearly every step) is passed over at once, without a list, a join or a regular expression, and without
    // looking its program and command line up when none of its variables holds "977".
    if (!(has977(name) || has977(description) || has977(action) || variableHas977(step))) continue;
    const programName = getVariableValue(step, 'ProgramName');
    const commandLine = getVariableValue(step, 'CommandLine');
    if (!(has977(name) || has977(description) || has977(action) || has977(programName) || has977(commandLine))) continue;
    const all = [name, description, action, programName, commandLine].filter((t): t is string => t !== undefined).join('\n');
    if (!/KB977/i.test(all)) continue;
    // What the step runs: an Install Software step's program (one named after the hotfix .msp runs it), a Run Command
    // Line step's command line (its variable, or the action's, which is the same after `smsswd.exe /run:`).
    const runs = [action, programName, commandLine].filter((t): t is string => t !== undefined).join('\n');
    const explicit = (programName !== undefined && HOTFIX_MSP.test(programName)) || runsHotfixMsp(commandLine ?? (type === STEP_TYPES.runCommandLine ? (action ?? '') : ''));
    // The .msp only named in what runs (copied, deleted, tested for): a warning, as a step named after the KB is.
    const mentions = !explicit && HOTFIX_MSP.test(runs);
    // A program named after the KB (`Install KB977203 hotfix`) in a step named otherwise (`Run CCMCertFix`): the
    // program is what runs, whatever the step is called.
    const namedProgram = programName !== undefined && namesKb977203(programName) && !/CCMCertFix/i.test(programName);
    const named = HOTFIX_MSP.test(all) || (namesKb977203(all) && !/CCMCertFix/i.test(all));
    if (explicit || named || namedProgram) {
      const program = programName ?? commandLine ?? action ?? '';
      out.push({
        located: located as Located<Step | SubTaskSequence>,
        path: located.path,
        why: explicit
          ? `Step ${shownPath(located)} (${stepTypeName(type)}) runs ${shownValue(program, '"')}, which installs the KB977203 hotfix.`
          : mentions
            ? `Step ${shownPath(located)} (${stepTypeName(type)}) runs ${shownValue(program, '"')}, which names the KB977203 hotfix .msp without running it; if the step installs the hotfix, remove it.`
          : !named
            ? `Step ${shownPath(located)} (${stepTypeName(type)}) runs ${shownValue(program, '"')}, a program named after KB977203; if that installs the hotfix, remove the step.`
            : `Step ${shownPath(located)} (${stepTypeName(type)}) is named after KB977203 and runs ${shownValue(program, '"')}; if that installs the hotfix, remove the step.`,
        explicit,
      });
    }
  }
  return out;
}
