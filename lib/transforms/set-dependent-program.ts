/**
 * set-dependent-program: the task sequence's "Run another program first" (`DependentProgram`, `<PackageID>;;<Program>`)
 * in a container that has package properties.
 */
import type { TaskSequenceDocument } from '../document.js';
import { canSetProperty, propertyElement } from '../containers/index.js';
import { refusalPlace } from '../issue-place.js';
import { TaskSequenceError } from '../errors.js';
import type { Element } from '../model/types.js';
import { emptyPlan, fromPlan, type Plan, type Transform } from './context.js';
import { ASCII_ADVICE, checkedAt, checkText, PACKAGE_ID, validOptions } from './values.js';
import { shownValue } from '../shown-value.js';

/** Options of {@link setDependentProgram}. */
export interface SetDependentProgramOptions {
  /** The package that holds the program: a ConfigMgr package ID (`ABC00010`). */
  packageId: string;
  /** The program of that package to run first (`CCMCertFix` for KB977203), as it is named in the package. */
  programName: string;
  /** Replace a different program already set; default false (that is an error). */
  force?: boolean;
  /** Label recorded on the change (a requirement id, say); default none. */
  requirement?: string;
}

/**
 * "Run another program first" (`<PackageID>;;<ProgramName>`) as its two parts, each without spaces around it, or
 * undefined when it is not in that form. ConfigMgr writes no spaces there; a hand edit may.
 */
export function parseDependentProgram(value: string): { packageId: string; program: string } | undefined {
  const m = /^([^;]+);;(.+)$/.exec(value.trim());
  const packageId = m?.[1]?.trim();
  const program = m?.[2]?.trim();
  return packageId && program ? { packageId, program } : undefined;
}

/**
 * Whether "Run another program first" names `packageId`/`program`: compared as the preset's `runsProgram` compares steps
 * (letter case aside), and with spaces around either part aside, so that such a value is the same program rather
 * than a conflict (the preset rewrites it in ConfigMgr's form).
 */
export function dependentRunsProgram(value: string, packageId: string, program: string): boolean {
  const p = parseDependentProgram(value);
  return p !== undefined && p.packageId.toUpperCase() === packageId.toUpperCase() && p.program.toLowerCase() === program.toLowerCase();
}

/** How to set the dependent program outside the file, for a bare `<sequence>` that cannot hold it. */
export function dependentProgramHowTo(value: string): string {
  const { packageId: pkg, program } = parseDependentProgram(value) ?? { packageId: value, program: '' };
  return (
    `Set it where the task sequence package lives: in the console, task sequence Properties → Advanced → "Run another program first" → package ${pkg}, program ${program}; ` +
    `or in PowerShell: ConfigMgr 2007, $ts = Get-WmiObject -Namespace root\\sms\\site_<code> -Class SMS_TaskSequencePackage -Filter "PackageID='<id>'"; $ts.DependentProgram = '${value}'; $ts.Put(); ` +
    `Current Branch, Set-CMTaskSequence -TaskSequenceId <id> -RunAnotherProgram $true -DeploymentPackageId ${pkg} -ProgramName '${program}'.`
  );
}

/**
 * Throws `DEPENDENT_PROGRAM_CONFLICT` if the document runs a different program first and `force` is not set. The same
 * program written with spaces around a part, or in other letter case, is no conflict (it is rewritten).
 */
export function checkDependentProgram(doc: TaskSequenceDocument, options: SetDependentProgramOptions): void {
  const before = doc.hasProperties ? (doc.getProperty('DependentProgram') ?? '') : '';
  if (before.trim() !== '' && !dependentRunsProgram(before, options.packageId, options.programName) && !options.force) {
    const other = parseDependentProgram(before);
    throw new TaskSequenceError(
      'DEPENDENT_PROGRAM_CONFLICT',
      `"Run another program first" already runs ${other ? `package ${other.packageId}, program ${other.program}` : JSON.stringify(before)}; replacing it with ${options.packageId}, program ${options.programName}, needs the force option.`,
      refusalPlace(doc, propertyOf(doc, 'DependentProgram')),
    );
  }
}

/** The element of the document's package property `name` (see `propertyElement`), to place a refusal about its value. */
function propertyOf(doc: TaskSequenceDocument, name: string): Element | undefined {
  const root = doc.xml.children.find((c): c is Element => c.kind === 'element');
  return root && propertyElement(doc.container, root, name);
}

/**
 * The checks of set-dependent-program's options that need no document (those of its schema aside): throws
 * `INVALID_ARGUMENT`, marked with the option's place. Its factory makes them, and so does `cmts transform` once for
 * its options file, before any input.
 */
export function checkSetDependentProgramOptions(options: SetDependentProgramOptions): void {
  checkedAt('/packageId', () => {
    if (!PACKAGE_ID.test(options.packageId)) throw new TaskSequenceError('INVALID_ARGUMENT', `The packageId option ${shownValue(options.packageId, '"')} is not a package ID (site code and five hex digits, upper case).`);
  });
  // Spliced into DependentProgram (<PackageID>;;<Program>): printable ASCII only (see TextRules.ascii).
  checkedAt('/programName', () => checkText('programName option', options.programName, { noSemicolon: true, noQuote: true, ascii: ASCII_ADVICE.program, maxLength: 100 }));
}

/** What {@link setDependentProgram} would do; refuses (bad values, a conflict without force) before any edit. */
export function planSetDependentProgram(doc: TaskSequenceDocument, options: SetDependentProgramOptions): Plan {
  checkSetDependentProgramOptions(options);
  const value = `${options.packageId};;${options.programName}`;
  const req = options.requirement === undefined ? {} : { requirement: options.requirement };
  const plan = emptyPlan();
  // A 2007 export without the element gets one, and an object.xml's null property (no <VALUE>) a value; a bare
  // sequence and an object.xml without the property cannot hold it.
  const root = doc.xml.children.find((c): c is Element => c.kind === 'element');
  const before = root && canSetProperty(doc.container, root, 'DependentProgram') ? (doc.getProperty('DependentProgram') ?? '') : undefined;
  if (before === undefined) {
    const what = doc.hasProperties ? 'This object.xml has no DependentProgram property, so it cannot hold' : 'A bare <sequence> cannot hold';
    plan.diagnostics.push({ code: 'DEPENDENT_PROGRAM_NOT_IN_FILE', severity: 'warning', message: `${what} "Run another program first" (${value}). ${dependentProgramHowTo(value)}` });
    return plan;
  }
  if (before.toLowerCase() === value.toLowerCase()) {
    plan.already.push({ what: `DependentProgram ${before}`, where: '(package)', ...req });
    return plan;
  }
  checkDependentProgram(doc, options);
  plan.edits.push({ change: { what: 'DependentProgram (Run another program first)', where: '(package)', before, after: value, ...req }, apply: () => doc.setProperty('DependentProgram', value) });
  return plan;
}

/** Sets `DependentProgram` to `<packageId>;;<programName>`; for a bare sequence, warns and says how to set it instead. */
export function setDependentProgram(options: SetDependentProgramOptions): Transform {
  // Checked here too: a script that calls the factory gets the refusals createTransform gives, before any edit.
  const checked = validOptions<SetDependentProgramOptions>('set-dependent-program', 'set-dependent-program.options.schema.json', options);
  checkSetDependentProgramOptions(checked);
  return fromPlan((doc) => planSetDependentProgram(doc, checked));
}
