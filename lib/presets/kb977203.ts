/**
 * The KB977203 preset: wires Microsoft's fix for "user state migration fails on a ConfigMgr 2007 SP1/SP2 client after
 * security update 974571 or Windows 7 SP1" into a task sequence, composed from the general transforms. Requirement
 * numbers (R1…R15) are those of `reference/kb977203.md`.
 */
import type { TaskSequenceDocument } from '../document.js';
import { type Diagnostic, TaskSequenceError } from '../errors.js';
import { patchList } from '../model/install-properties.js';
import { findSteps, nextItem } from '../model/query.js';
import { RestartComputerStep, SetupWindowsStep, STEP_TYPES } from '../model/steps.js';
import type { Step } from '../model/types.js';
import { assertValid } from '../schemas.js';
import { addClientPatchToStep } from '../transforms/add-client-patch.js';
import { addReference } from '../transforms/add-reference.js';
import { type AlreadyInPlace, type Change, TransformContext } from '../transforms/context.js';
import { insertStepsAfter, type NewStep } from '../transforms/insert-steps-after.js';
import { checkDependentProgram, setDependentProgram } from '../transforms/set-dependent-program.js';
import { findHotfixInstallSteps } from './kb977203-r1.js';

/** Deployment scenarios (R15). */
export type Kb977203Scenario = 'refresh' | 'new-computer' | 'replace-capture' | 'replace-restore';

/** Options of {@link applyKb977203}; the JSON Schema is `schemas/kb977203.options.schema.json`. */
export interface Kb977203Options {
  /** Package that holds CCMCertFix.exe (R11). */
  certfixPackage: string;
  /** Its program; default `CCMCertFix`. */
  certfixProgram?: string;
  /** Default `refresh` (R15). */
  scenario?: Kb977203Scenario;
  /** Client service pack, which picks the .msp; default `sp2` (R4). */
  clientVersion?: 'sp1' | 'sp2';
  /** The .msp file name when it differs by locale (R10); default by client version. */
  msp?: string;
  /** Drive of the `_SMSTaskSequence` cache (R7); default `C:`. */
  drive?: string;
  /** UNC path to the client installation files, used instead of the cache (R9). */
  source?: string;
  /** Client installation package, instead of each Setup Windows step's own `_SMSClientPackageID` (R5). */
  clientPackage?: string;
  /** Replace a different "Run another program first"; default false. */
  force?: boolean;
}

/** What {@link applyKb977203} did. */
export interface Kb977203Report {
  scenario: Kb977203Scenario;
  container: TaskSequenceDocument['container'];
  /** Whether the document was changed (false when everything was already in place). */
  changed: boolean;
  changes: Change[];
  alreadyInPlace: AlreadyInPlace[];
  /** Warnings (e.g. a bare sequence cannot hold the dependent program) and R1 errors. */
  diagnostics: Diagnostic[];
  /** Each Setup Windows and ConfigMgr step and the PATCH path it got. */
  setupSteps: { path: string; clientPackage: string; patch: string }[];
}

/** The client .msp of KB977203 for each client service pack (R4). */
export const KB977203_MSP = { sp1: 'SCCM2007AC-SP1-KB977203-x86.msp', sp2: 'SCCM2007AC-SP2-KB977203-x86.msp' } as const;

/** Where the hotfix sits inside the client installation files (R3). */
export const KB977203_HOTFIX_DIR = 'i386\\hotfix\\KB977203';

/** Step names the preset writes (the console allows 50 characters). */
export const KB977203_STEP_NAMES = { certfix: 'Run CCMCertFix (KB977203)', restart: 'Restart Computer (KB977203)' } as const;

/** The PATCH path for one client package: the task sequence cache (R4, R7) or a UNC source (R9). */
export function kb977203PatchPath(o: { clientPackage: string; msp: string; drive?: string; source?: string }): string {
  if (o.source !== undefined) return `${o.source.replace(/\\+$/, '')}\\${KB977203_HOTFIX_DIR}\\${o.msp}`;
  return `${(o.drive ?? 'C:').toUpperCase()}\\_SMSTaskSequence\\OSD\\${o.clientPackage}\\${KB977203_HOTFIX_DIR}\\${o.msp}`;
}

/** Refuses options that would build a wrong PATCH path: %variables% (R8), bad drives and UNC paths, R5 mix-ups. */
function checkOptions(o: Kb977203Options): void {
  assertValid('kb977203.options.schema.json', o, 'KB977203 options');
  for (const [name, value] of [
    ['drive', o.drive],
    ['source', o.source],
  ] as const) {
    if (value !== undefined && /%[^%]*%?/.test(value)) {
      throw new TaskSequenceError(
        'VARIABLE_IN_PATH',
        `The ${name} ${JSON.stringify(value)} contains a %variable%. KB977203 says not to use _SMSTSMDataPath (or any variable) in the PATCH path: its drive letter can evaluate differently in Windows PE than in the full operating system. Give the drive letter itself (R7) or a UNC path (R9).`,
      );
    }
  }
  if (o.drive !== undefined && !/^[A-Za-z]:$/.test(o.drive)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The drive must be a drive letter and colon, such as D: (got ${JSON.stringify(o.drive)}).`);
  }
  if (o.source !== undefined && !/^\\\\[^\\/]+\\[^\\/]+/.test(o.source)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The source must be a UNC path to the client installation files, such as \\\\server\\SMS_ABC\\Client (got ${JSON.stringify(o.source)}).`);
  }
  if (o.drive !== undefined && o.source !== undefined) {
    throw new TaskSequenceError('INVALID_ARGUMENT', 'Give either a drive (the task sequence cache) or a source (a UNC path), not both.');
  }
  if (o.clientPackage !== undefined && o.clientPackage === o.certfixPackage) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The client package cannot be the CCMCertFix package ${o.certfixPackage}: PATCH must point into the ConfigMgr client installation package (R5).`);
  }
}

/**
 * Applies KB977203 to a task sequence in place and reports what it did. Idempotent: applied to its own output it
 * changes nothing. Throws {@link TaskSequenceError} for refused options, a missing Setup Windows and ConfigMgr step,
 * or a conflicting dependent program (without `force`). Requirement numbers are defined in
 * `docs/kb977203-requirements.md`.
 *
 * @example
 * ```ts
 * const doc = readTaskSequence(readFileSync('ts.xml'));
 * const report = applyKb977203(doc, { certfixPackage: 'CM100010', drive: 'D:' });
 * if (report.changed) writeFileSync('ts.xml', doc.toBytes());
 * ```
 */
export function applyKb977203(doc: TaskSequenceDocument, options: Kb977203Options): Kb977203Report {
  checkOptions(options);
  const scenario = options.scenario ?? 'refresh';
  const program = options.certfixProgram ?? 'CCMCertFix';
  const version = options.clientVersion ?? 'sp2';
  const msp = options.msp ?? KB977203_MSP[version];
  const ctx = new TransformContext();
  const dependent = { packageId: options.certfixPackage, programName: program, force: options.force ?? false, requirement: 'R12' };
  const setupSteps: Kb977203Report['setupSteps'] = [];

  if (options.msp !== undefined) {
    const other = version === 'sp2' ? 'SP1' : 'SP2';
    if (new RegExp(`-${other}-`, 'i').test(options.msp)) {
      ctx.report('KB977203_MSP_VERSION', 'warning', `The .msp ${options.msp} looks like the ${other} client patch, but the client version is ${version.toUpperCase()}: SP1 and SP2 clients need different .msp files.`);
    }
  }
  for (const { path, why } of findHotfixInstallSteps(doc.sequence)) {
    ctx.report('KB977203_R1', 'error', `${why} Installing the KB977203 hotfix this way stops the ConfigMgr client service and the task sequence fails; remove the step: the Setup Windows and ConfigMgr step installs it through PATCH (R1).`, path);
  }

  const setups = findSteps(doc.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr });
  if (scenario === 'replace-capture') {
    if (setups.length > 0) {
      ctx.report('KB977203_CAPTURE_SETUP_UNCHANGED', 'info', `A replace-scenario capture sequence gets only "Run another program first" (R15); its ${setups.length} Setup Windows and ConfigMgr step(s) are left as they are.`);
    }
  } else {
    if (setups.length === 0) {
      throw new TaskSequenceError(
        'MISSING_SETUP_WINDOWS_STEP',
        `The ${scenario} scenario needs a Setup Windows and ConfigMgr step (type ${STEP_TYPES.setupWindowsAndConfigMgr}) to carry PATCH and to insert CCMCertFix after, and this sequence has none. For the capture half of a replace, use --scenario replace-capture (R15).`,
      );
    }
    // Plan every step before editing any, so a refusal leaves the document as it was.
    for (const located of setups) {
      const view = new SetupWindowsStep(located.node);
      const clientPackage = options.clientPackage ?? view.clientPackageId?.trim();
      if (!clientPackage) {
        throw new TaskSequenceError('INVALID_ARGUMENT', `The Setup Windows and ConfigMgr step "${located.path}" names no client package (_SMSClientPackageID); give the client installation package with --client-package (R5).`);
      }
      if (clientPackage.toUpperCase() === options.certfixPackage.toUpperCase()) {
        throw new TaskSequenceError('INVALID_ARGUMENT', `The Setup Windows and ConfigMgr step "${located.path}" uses ${clientPackage}, the CCMCertFix package, as its client package; PATCH must point into the client installation package (R5).`);
      }
      const patch = kb977203PatchPath({ clientPackage, msp, ...(options.drive === undefined ? {} : { drive: options.drive }), ...(options.source === undefined ? {} : { source: options.source }) });
      setupSteps.push({ path: located.path, clientPackage, patch });
    }
    checkDependentProgram(doc, dependent);
    setups.forEach((located, i) => {
      const step = located.node as Step;
      const view = new SetupWindowsStep(step);
      const { patch } = setupSteps[i] as Kb977203Report['setupSteps'][number];
      const covering = (patchList(view.clientInstallProperties) ?? []).find((p) => /KB977384/i.test(p));
      if (covering !== undefined) {
        ctx.already({ what: `PATCH lists the KB977384 client update (${covering}), which contains KB977203`, where: located.path, requirement: 'R2' });
      } else {
        addClientPatchToStep(step, located.path, { msp: patch, requirement: 'R4' }, ctx);
      }
    });
    const steps: NewStep[] = [
      {
        type: 'install-software',
        name: KB977203_STEP_NAMES.certfix,
        description: 'KB977203: repair the client certificate with CCMCertFix.exe',
        packageId: options.certfixPackage,
        programName: program,
      },
      {
        type: 'restart-computer',
        name: KB977203_STEP_NAMES.restart,
        description: 'KB977203: restart to the installed operating system after CCMCertFix',
        target: 'HD',
        notify: false,
      },
    ];
    insertStepsAfter({ after: { type: STEP_TYPES.setupWindowsAndConfigMgr }, steps, requirements: ['R13', 'R14'] })(doc, ctx);
    clearRestartNotifications(doc, ctx);
    addReference({ packageId: options.certfixPackage, requirement: 'R13' })(doc, ctx);
  }
  setDependentProgram(dependent)(doc, ctx);

  return {
    scenario,
    container: doc.container,
    changed: ctx.changes.length > 0,
    changes: ctx.changes,
    alreadyInPlace: ctx.alreadyInPlace,
    diagnostics: ctx.diagnostics,
    setupSteps,
  };
}

/** R14: the restart after CCMCertFix must not notify the user; an existing one that does is cleared. */
function clearRestartNotifications(doc: TaskSequenceDocument, ctx: TransformContext): void {
  for (const located of findSteps(doc.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr })) {
    const certfix = nextItem(located.parent, located.node);
    const restart = certfix ? nextItem(located.parent, certfix) : undefined;
    if (!restart || restart.kind !== 'step' || restart.attributes.type !== STEP_TYPES.restartComputer) continue;
    const view = new RestartComputerStep(restart);
    if (!view.notifiesUser) continue;
    const before = view.timeout ?? '';
    view.timeout = '0';
    ctx.change({ what: `cleared "Notify the user before restarting" on "${restart.attributes.name ?? ''}"`, where: located.path, before: `MessageTimeout ${before}`, after: 'MessageTimeout 0', requirement: 'R14' });
  }
}
