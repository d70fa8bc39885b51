/**
 * The KB977203 preset's options: read as plain data (no getters, nothing inherited), checked against their schema,
 * then by what each value means, because each one is spliced into the sequence (PATCH, DependentProgram, step names).
 */
import { type Issue, TaskSequenceError } from '../errors.js';
import { assertValidWith } from '../assert-valid.js';
import { validate as validateOptions } from '../generated/validate-kb977203-options.js';
import { ASCII_ADVICE, checkText, CONSOLE_LIMITS, PACKAGE_ID, plainOptions } from '../transforms/values.js';
import { shownValue } from '../shown-value.js';

/** Deployment scenarios (R15). */
export type Kb977203Scenario = 'refresh' | 'new-computer' | 'replace-capture' | 'replace-restore';

/** Options of {@link applyKb977203}; the JSON Schema is `schemas/kb977203.options.schema.json`. */
export interface Kb977203Options {
  /** Package that holds CCMCertFix.exe (R11): a package ID, site code and five hex digits, upper case. */
  certfixPackage: string;
  /** Its program; default `CCMCertFix`. No `;` (DependentProgram is `<package>;;<program>`). */
  certfixProgram?: string;
  /** The package's name, for an export .zip's ReferencesInfo.xml; default none (written empty, and warned about). */
  certfixPackageName?: string;
  /** The package's description, for ReferencesInfo.xml; default none (written empty). */
  certfixPackageDescription?: string;
  /** The package's version, for ReferencesInfo.xml; default none (written empty). */
  certfixPackageVersion?: string;
  /**
   * Default `refresh` (R15); when not given, a sequence that captures user state and has no Setup Windows and
   * ConfigMgr step is taken for the capture half of a replace (`replace-capture`), and the report says so.
   */
  scenario?: Kb977203Scenario;
  /** Client service pack, which picks the .msp (R4). When not given, SP2 is assumed and the report says so. */
  clientVersion?: 'sp1' | 'sp2';
  /** The .msp file name when it differs by locale (R10); default by client version. One that names another KB is refused. */
  msp?: string;
  /** Drive of the `_SMSTaskSequence` cache (R7). When not given, C: is assumed and the report says so. */
  drive?: string;
  /** UNC path to the client installation files, used instead of the cache (R9). */
  source?: string;
  /** Client installation package, for Setup Windows steps that name none in `_SMSClientPackageID` (or name it through a variable); a step that names another keeps its own, with a warning (R5). */
  clientPackage?: string;
  /** Name of the inserted Install Software step (up to 100 characters; the console shows 50). */
  certfixStepName?: string;
  /** Name of the inserted Restart Computer step (up to 100 characters; the console shows 50). */
  restartStepName?: string;
  /** Apply where cmts would refuse: another dependent program, a sequence that is not ConfigMgr 2007, R1 errors, replace-capture on a sequence that restores user state. */
  force?: boolean;
}

/** The options with every default filled in, and what was assumed. */
export interface ResolvedKb977203Options {
  certfixPackage: string;
  program: string;
  /** What the options say of the CCMCertFix package, for ReferencesInfo.xml. */
  certfixInfo: { name?: string; description?: string; version?: string };
  scenario: Kb977203Scenario;
  /** Whether the scenario was given: with none, a capture-half sequence is taken for replace-capture (see isCaptureHalf). */
  scenarioGiven: boolean;
  version: 'sp1' | 'sp2';
  /** Whether the client version was given (a defaulted one may not overrule the file). */
  versionGiven: boolean;
  msp: string;
  /** Whether the .msp name was given (R10): an entry with another name is then replaced, not kept. */
  mspGiven: boolean;
  drive: string | undefined;
  source: string | undefined;
  clientPackage: string | undefined;
  stepNames: { certfix: string; restart: string };
  force: boolean;
  /** What the options leave to defaults that matter, and other option warnings, for the report. */
  notes: Issue[];
}

/**
 * What an .msp name that goes into a PATCH path must be: no `;` (it separates the list's paths), no `"` (it would end
 * the quoted list), printable ASCII. The msp option is checked so, and so is a locale's name the preset keeps.
 */
export const MSP_NAME_RULES = { noSemicolon: true, noQuote: true, ascii: ASCII_ADVICE.path } as const;

/** The client .msp of KB977203 for each client service pack (R4). */
export const KB977203_MSP = { sp1: 'SCCM2007AC-SP1-KB977203-x86.msp', sp2: 'SCCM2007AC-SP2-KB977203-x86.msp' } as const;

/** Step names the preset writes by default (the console shows 50 characters). */
export const KB977203_STEP_NAMES = { certfix: 'Run CCMCertFix (KB977203)', restart: 'Restart Computer (KB977203)' } as const;

/**
 * Refuses an msp option that names another hotfix (`SCCM2007AC-SP2-KB977384-x86.msp`): the name is that of the
 * KB977203 client patch in `i386\hotfix\KB977203\` (R10 lets it differ by locale, not by hotfix). Written there, the
 * path named a file that is not in that folder, the next check took it for the KB977384 update (R2) and revert left
 * it, so that revert(apply(x)) was not x.
 */
function refuseOtherHotfixMsp(msp: string | undefined): void {
  const other = msp === undefined ? undefined : [...msp.matchAll(/KB(\d+)/gi)].find((m) => m[1] !== '977203')?.[0];
  if (other === undefined) return;
  const instead = /^KB977384$/i.test(other) ? ' To install the KB977384 client update, which contains KB977203 (R2), list its .msp in PATCH by hand: the preset then leaves PATCH alone.' : '';
  throw new TaskSequenceError('INVALID_ARGUMENT', `The msp option ${shownValue(msp as string, '"')} names ${other}, another hotfix: it is the name of the KB977203 client patch in i386\\hotfix\\KB977203\\, which may differ by locale (R10) but names KB977203.${instead}`);
}

/** Validates the options (schema, then meaning) and fills in defaults. Throws `OPTIONS_INVALID` or `INVALID_ARGUMENT`. */
export function resolveKb977203Options(options: unknown): ResolvedKb977203Options {
  const o = plainOptions(options, 'KB977203') as unknown as Kb977203Options;
  assertValidWith(validateOptions, o, 'KB977203 options');
  const notes: Issue[] = [];
  // Spliced into PATCH, DependentProgram and the Install Software step: printable ASCII only (see TextRules.ascii).
  checkText('certfixProgram option', o.certfixProgram, { noSemicolon: true, noQuote: true, ascii: ASCII_ADVICE.program, maxLength: 100 });
  // DependentProgram is read with the spaces around its program taken off (a hand edit may add them), so a program
  // named with them would be written one way and read back another: the next apply would find a conflict.
  if (o.certfixProgram !== undefined && o.certfixProgram.trim() !== o.certfixProgram) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The certfixProgram option ${shownValue(o.certfixProgram, '"')} starts or ends with a space; a ConfigMgr program name does not. Give the name as the package's program has it.`);
  }
  checkText('msp option', o.msp, MSP_NAME_RULES);
  refuseOtherHotfixMsp(o.msp);
  checkText('certfixPackageName option', o.certfixPackageName);
  checkText('certfixPackageDescription option', o.certfixPackageDescription);
  checkText('certfixPackageVersion option', o.certfixPackageVersion);
  checkText('source option', o.source, { noSemicolon: true, noQuote: true, ascii: ASCII_ADVICE.path });
  // The drive is held to a letter and a colon below, which says more than the ASCII rule would.
  checkText('drive option', o.drive, { noQuote: true });
  for (const key of ['certfixStepName', 'restartStepName'] as const) {
    const name = o[key];
    checkText(`${key} option`, name, { maxLength: CONSOLE_LIMITS.stepNameMax });
    if (name !== undefined && name.length > CONSOLE_LIMITS.stepName) {
      notes.push({ code: 'STEP_NAME_LONG', severity: 'warning', message: `The ${key} option has ${name.length} characters; the console shows ${CONSOLE_LIMITS.stepName}.` });
    }
  }
  for (const [name, value] of [
    ['drive', o.drive],
    ['source', o.source],
  ] as const) {
    if (value !== undefined && /%/.test(value)) {
      throw new TaskSequenceError(
        'VARIABLE_IN_PATH',
        `The ${name} option ${shownValue(value, '"')} contains a %variable%. KB977203 says not to use _SMSTSMDataPath (or any variable) in the PATCH path: its drive letter can evaluate differently in Windows PE than in the full operating system. Give the drive letter itself (R7) or a UNC path (R9).`,
      );
    }
  }
  if (o.drive !== undefined && !/^[A-Za-z]:$/.test(o.drive)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The drive option must be a drive letter and colon, such as D: (got ${shownValue(o.drive, '"')}).`);
  }
  if (o.source !== undefined && !/^\\\\[^\\/<>|*?:]+\\[^\\/<>|*?:]+(?:\\[^/<>|*?:]*)*$/.test(o.source)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The source option must be a UNC path to the client installation files, such as \\\\server\\SMS_ABC\\Client (got ${shownValue(o.source, '"')}).`);
  }
  // The client installation files' folder, not the hotfix's in it: the path under it (R3) is added, and given the
  // hotfix folder the entry named it twice (…\KB977203\i386\hotfix\KB977203\…), a file no client finds.
  // Windows drops trailing dots and spaces of a path's last name, and the patch path drops trailing backslashes.
  const folder = o.source?.replace(/[\\. ]+$/, '');
  if (o.source !== undefined && folder !== undefined && (/\\(?:i386(?:\\hotfix(?:\\KB977203)?)?|hotfix(?:\\KB977203)?|KB977203)$/i.test(folder) || /\.msp$/i.test(o.source))) {
    const why = /\.msp$/i.test(o.source) ? 'ends with an .msp file name, which the msp option names' : 'already ends with part of that path';
    throw new TaskSequenceError('INVALID_ARGUMENT', `The source option is the folder of the client installation files (the one that holds i386), such as \\\\server\\SMS_ABC\\Client: the preset adds i386\\hotfix\\KB977203\\ to it (R3), and ${shownValue(o.source, '"')} ${why}.`);
  }
  if (o.drive !== undefined && o.source !== undefined) {
    throw new TaskSequenceError('INVALID_ARGUMENT', 'Give either the drive option (the task sequence cache) or the source option (a UNC path), not both.');
  }
  if (o.clientPackage !== undefined && o.clientPackage === o.certfixPackage) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The client package cannot be the CCMCertFix package ${o.certfixPackage}: PATCH must point into the ConfigMgr client installation package (R5).`);
  }
  if (!PACKAGE_ID.test(o.certfixPackage)) throw new TaskSequenceError('INVALID_ARGUMENT', `The certfixPackage option ${shownValue(o.certfixPackage, '"')} is not a package ID.`);
  const version = o.clientVersion ?? 'sp2';
  if (o.clientVersion === undefined && o.scenario !== 'replace-capture') {
    notes.push({ code: 'KB977203_ASSUMED_VERSION', severity: 'info', message: 'No client version was given: assumed SP2 (SCCM2007AC-SP2-KB977203-x86.msp); SP1 clients need the SP1 .msp.' });
  }
  if (o.drive === undefined && o.source === undefined && o.scenario !== 'replace-capture') {
    notes.push({ code: 'KB977203_ASSUMED_DRIVE', severity: 'info', message: 'No drive or source was given: assumed the task sequence cache is on C: (R7); give the drive where it is, or a UNC source (R9).' });
  }
  if (o.msp !== undefined) {
    const other = version === 'sp2' ? 'SP1' : 'SP2';
    if (new RegExp(`-${other}-`, 'i').test(o.msp)) {
      notes.push({ code: 'KB977203_MSP_VERSION', severity: 'warning', message: `The .msp ${o.msp} looks like the ${other} client patch, but the client version is ${version.toUpperCase()}: SP1 and SP2 clients need different .msp files.` });
    }
  }
  return {
    certfixPackage: o.certfixPackage,
    program: o.certfixProgram ?? 'CCMCertFix',
    certfixInfo: {
      ...(o.certfixPackageName !== undefined && { name: o.certfixPackageName }),
      ...(o.certfixPackageDescription !== undefined && { description: o.certfixPackageDescription }),
      ...(o.certfixPackageVersion !== undefined && { version: o.certfixPackageVersion }),
    },
    scenario: o.scenario ?? 'refresh',
    scenarioGiven: o.scenario !== undefined,
    version,
    versionGiven: o.clientVersion !== undefined,
    msp: o.msp ?? KB977203_MSP[version],
    mspGiven: o.msp !== undefined,
    drive: o.drive,
    source: o.source,
    clientPackage: o.clientPackage,
    stepNames: { certfix: o.certfixStepName ?? KB977203_STEP_NAMES.certfix, restart: o.restartStepName ?? KB977203_STEP_NAMES.restart },
    force: o.force ?? false,
    notes,
  };
}
