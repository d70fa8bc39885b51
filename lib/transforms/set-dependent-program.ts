/**
 * set-dependent-program: the task sequence's "Run another program first" (`DependentProgram`, `<PackageID>;;<Program>`)
 * in a container that has package properties.
 */
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import type { Transform, TransformContext } from './context.js';

/** Options of {@link setDependentProgram}. */
export interface SetDependentProgramOptions {
  packageId: string;
  programName: string;
  /** Replace a different program already set; default false (that is an error). */
  force?: boolean;
  requirement?: string;
}

/** How to set the dependent program outside the file, for a bare `<sequence>` that cannot hold it. */
export function dependentProgramHowTo(value: string): string {
  const [pkg, , program] = value.split(';');
  return (
    `Set it where the task sequence package lives: in the console, task sequence Properties → Advanced → "Run another program first" → package ${pkg}, program ${program}; ` +
    `or in PowerShell: ConfigMgr 2007, $ts = Get-WmiObject -Namespace root\\sms\\site_<code> -Class SMS_TaskSequencePackage -Filter "PackageID='<id>'"; $ts.DependentProgram = '${value}'; $ts.Put(); ` +
    `Current Branch, Set-CMTaskSequence -TaskSequenceId <id> -RunAnotherProgram $true -DeploymentPackageId ${pkg} -ProgramName '${program}'.`
  );
}

/** Throws `DEPENDENT_PROGRAM_CONFLICT` if the document runs a different program first and `force` is not set. */
export function checkDependentProgram(doc: TaskSequenceDocument, options: SetDependentProgramOptions): void {
  const value = `${options.packageId};;${options.programName}`;
  const before = doc.hasProperties ? (doc.getProperty('DependentProgram') ?? '') : '';
  if (before.trim() !== '' && before.toLowerCase() !== value.toLowerCase() && !options.force) {
    throw new TaskSequenceError('DEPENDENT_PROGRAM_CONFLICT', `"Run another program first" is already ${before}; replacing it with ${value} needs --force.`);
  }
}

/** Sets `DependentProgram` to `<packageId>;;<programName>`; for a bare sequence, warns and says how to set it instead. */
export function setDependentProgram(options: SetDependentProgramOptions): Transform {
  const value = `${options.packageId};;${options.programName}`;
  return (doc: TaskSequenceDocument, ctx: TransformContext) => {
    const req = options.requirement === undefined ? {} : { requirement: options.requirement };
    if (!doc.hasProperties) {
      ctx.report('DEPENDENT_PROGRAM_NOT_IN_FILE', 'warning', `A bare <sequence> cannot hold "Run another program first" (${value}). ${dependentProgramHowTo(value)}`);
      return;
    }
    const before = doc.getProperty('DependentProgram') ?? '';
    if (before.toLowerCase() === value.toLowerCase()) {
      ctx.already({ what: `DependentProgram ${before}`, where: '(package)', ...req });
      return;
    }
    checkDependentProgram(doc, options);
    doc.setProperty('DependentProgram', value);
    ctx.change({ what: 'DependentProgram (Run another program first)', where: '(package)', before, after: value, ...req });
  };
}
