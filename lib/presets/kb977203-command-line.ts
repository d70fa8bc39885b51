/**
 * Run Command Line steps that run CCMCertFix.exe. Administrators wired CCMCertFix that way long before the preset: one
 * that stands where the preset would adopt an Install Software CCMCertFix step does the work R13 asks for, and a
 * second CCMCertFix step beside it would run the repair twice and restart the computer once more. The KB asks for an
 * Install Software step of the CCMCertFix package and program, so such a step is always reported, and left as it is.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Issue } from '../errors.js';
import type { Located } from '../model/query.js';
import { RunCommandLineStep, STEP_TYPES } from '../model/steps.js';
import type { SequenceItem, Step } from '../model/types.js';
import { shownValue } from '../shown-value.js';
import { placeOf } from '../issue-place.js';

/**
 * The shell a command may be handed to: `cmd /c`, `cmd.exe /q /c`, `%ComSpec% /c`, a full (or quoted) path to cmd.exe,
 * with any of cmd's switches before `/c` (or `/k`).
 */
const SHELL = /^(?:"(?:[^"]*\\)?cmd(?:\.exe)?"|(?:[^\s"]*\\)?cmd(?:\.exe)?|%comspec%)\s+(?:\/[a-z](?::\S*)?\s+)*?\/[ck](?:\s+|$)/i;

/** A program path whose file is CCMCertFix.exe (Windows finds `CCMCertFix` without its extension too), in any case. */
const CERTFIX_EXE = /(?:^|[\\/])ccmcertfix(?:\.exe)?$/i;

/** The program a command line starts: the quoted first token, or the first token up to white space. */
function programOf(line: string): string {
  const quoted = /^"([^"]*)"/.exec(line);
  return (quoted ? quoted[1] : /^\S*/.exec(line)?.[0]) ?? '';
}

/**
 * A word that starts an argument rather than carrying on a path: a switch, a quoted word, a drive or UNC path, a
 * variable (`%_SMSTSMDataPath%\…`, which the engine expands to a whole path) or a path from the current folder (`.\…`).
 */
const ARGUMENT_START = /^(?:[/\\"%.-]|[a-z]:)/i;
/**
 * A word whose last name has an extension (`run.vbs`, `Files\setup.exe`): CreateProcess finds that file (or fails on
 * it, for a script) and looks no further along the line.
 */
const NAMED_FILE = /\.[^.\\/]*$/;
/**
 * A first word in Windows' own folders (`C:\Windows\System32\robocopy`, `%SystemRoot%\…`): a program Windows has, found
 * with `.exe` added, so CreateProcess runs it rather than read on.
 */
const WINDOWS_PROGRAM = /^%(?:systemroot|windir)%|(?:^|[\\/])(?:windows|system32|syswow64|sysnative)[\\/]/i;
/** A word that ends a path in a folder, in CCMCertFix.exe (or CCMCertFix). */
const CERTFIX_IN_PATH = /[\\/]ccmcertfix(?:\.exe)?$/i;

/**
 * Whether an unquoted path with spaces runs CCMCertFix.exe as CreateProcess reads it (the task sequence engine starts
 * a Run Command Line step's command with it, no shell between): it tries each stretch of the line up to a space in
 * turn — `C:\Program Files\KB977203\CCMCertFix.exe /log` is `C:\Program`, then `C:\Program Files\KB977203\CCMCertFix.exe` —
 * and runs the first that names a file. Only a first word that is a path (a bare name is found on the search path
 * first), and not one of Windows' own programs, is carried on, never past a file name with an extension, and never
 * into a word that starts an argument, so a command that passes the file to another program
 * (`C:\Tools\copy-it C:\Temp\CCMCertFix.exe`, `C:\Windows\System32\robocopy Bin\CCMCertFix.exe`) is not taken for
 * running it. One case stays that the line alone cannot tell: a program of another folder named without its `.exe`
 * and given a relative path (`C:\Tools\copy-it Bin\CCMCertFix.exe`) reads as a folder name with a space.
 */
function unquotedPathRunsCertfix(line: string): boolean {
  const words = line.split(/\s+/);
  const first = words[0] ?? '';
  if (!/[\\/]/.test(first) || NAMED_FILE.test(first) || WINDOWS_PROGRAM.test(first)) return false;
  // Each stretch ends with its last word, and its file name is in that word when it names CCMCertFix (a file name with a
  // space in it is not CCMCertFix.exe): so each word is tested alone, and a long line costs its length, not its square.
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (ARGUMENT_START.test(word)) return false;
    if (CERTFIX_IN_PATH.test(word)) return true;
    if (NAMED_FILE.test(word)) return false;
  }
  return false;
}

/**
 * Whether a command line runs CCMCertFix.exe: `CCMCertFix.exe`, `"CCMCertFix.exe"`, `.\CCMCertFix.exe`, a full or UNC
 * path ending in `\CCMCertFix.exe` (quoted, or with spaces unquoted as CreateProcess reads it), with or without
 * arguments, directly or through `cmd /c`. Only the program the line starts counts: a command that merely names the
 * file (`xcopy CCMCertFix.exe C:\Temp`) does not run it.
 */
export function commandRunsCertfix(line: string): boolean {
  let rest = line.trim();
  const shell = SHELL.exec(rest);
  if (shell) rest = rest.slice(shell[0].length).trim();
  if (CERTFIX_EXE.test(programOf(rest).trim())) return true;
  // cmd splits an unquoted path at its first space, so only a line started without a shell is read on past it.
  if (!shell && !rest.startsWith('"') && unquotedPathRunsCertfix(rest)) return true;
  // cmd takes off the quotation marks around the whole command (`cmd /c "CCMCertFix.exe CCMCertFix.log"`).
  return shell !== null && rest.length > 1 && rest.startsWith('"') && rest.endsWith('"') && CERTFIX_EXE.test(programOf(rest.slice(1, -1).trim()).trim());
}

/** Whether an item is a Run Command Line step whose command runs CCMCertFix.exe (see {@link commandRunsCertfix}). */
export function runsCertfixCommandLine(item: SequenceItem | undefined): item is Step {
  if (!item || item.kind !== 'step' || item.attributes.type !== STEP_TYPES.runCommandLine || !mayMentionCertfix(item)) return false;
  return commandRunsCertfix(new RunCommandLineStep(item).commandLine ?? '');
}

const CERTFIX_WORD = /certfix/i;

/**
 * False when no value of the step (its `<action>` and its variables, where a command line is kept) has "certfix" in
 * it, so it cannot run CCMCertFix.exe: nearly every Run Command Line step is ruled out without reading its command line
 * through the step's view, which cost a fifth of `kb977203 --dry-run`'s work on a file of 150 such steps. Anything
 * unusual (an element with markup where a value goes) gives true, and the command line is read.
 */
function mayMentionCertfix(step: Step): boolean {
  // Indexed, not for-of: run for every step, mostly before V8 optimises it (a command's start-up), when for-of makes
  // an object per child.
  const children = step.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i] as (typeof children)[number];
    if (!('tag' in c) || c.tag === 'condition') continue;
    if ('value' in c) {
      if (CERTFIX_WORD.test(c.value)) return true;
    } else if (c.tag === 'defaultVarList') {
      const vars = c.children;
      for (let j = 0; j < vars.length; j++) {
        const v = vars[j] as (typeof vars)[number];
        if ('tag' in v && (!('value' in v) || CERTFIX_WORD.test(v.value))) return true;
      }
    } else return true;
  }
  return false;
}

/** The step's name and command line, in words, each cut as a value read as data is. */
function described(step: Located): string {
  const view = new RunCommandLineStep(step.node as Step);
  const pkg = view.packageId?.trim() ? `, from package ${shownValue(view.packageId, '')}` : '';
  // Not JSON-quoted: a command line is full of backslashes, which JSON would double.
  return `The Run Command Line step "${step.path}" runs CCMCertFix.exe (command line ${shownValue(view.commandLine ?? '', '')}${pkg})`;
}

/** The warning for a Run Command Line CCMCertFix step: what it is, `verdict` (taken for R13 or not, and why), what the KB asks for instead. */
function commandLineIssue(doc: TaskSequenceDocument, step: Located, verdict: string, packageId: string, program: string, tail = ''): Issue {
  const asks = `KB977203 asks for an Install Software step of the CCMCertFix package and program (${packageId}, program ${shownValue(program, '"')}) (R13)`;
  return { code: 'KB977203_CERTFIX_COMMAND_LINE', severity: 'warning', path: step.path, ...placeOf(doc, step), message: `${described(step)}${verdict} ${asks}; the step was left as it is.${tail}` };
}

/** The diagnostic for a Run Command Line CCMCertFix step taken for R13 after `setupPath`. */
export function commandLineAdopted(doc: TaskSequenceDocument, step: Located, setupPath: string, packageId: string, program: string): Issue {
  return commandLineIssue(doc, step, ` after "${setupPath}", so it is taken for CCMCertFix there and no second CCMCertFix step is inserted.`, packageId, program, ' Replace it with one by hand if the sequence should follow the KB to the letter.');
}

/**
 * The diagnostic for a Run Command Line CCMCertFix step not taken for R13 after `setupPath`, and `why` in words ("runs
 * before …", "is disabled", …). `runs` says whether it still runs, so that CCMCertFix runs twice.
 */
export function commandLineNotUsed(doc: TaskSequenceDocument, step: Located, setupPath: string, why: string, runs: boolean, packageId: string, program: string): Issue {
  const twice = runs ? ' It still runs, so CCMCertFix runs there as well: remove or disable it if it should run once.' : '';
  return commandLineIssue(doc, step, `, but it ${why}, so it is not used for "${setupPath}".`, packageId, program, twice);
}
