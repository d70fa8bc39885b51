/**
 * Part A of KB977203 on one Setup Windows and ConfigMgr step: the PATCH entry, reconciled. A missing entry is added;
 * a stale or wrong one (the other service pack's .msp, a %variable% path, another package ID, a path outside the
 * client installation files or no path at all, a path longer than MAX_PATH) is replaced where it stands; one that is right in another allowed form
 * (a UNC path to the client files, another drive, a locale's .msp name) is kept. A PATCH property Windows Installer
 * would not read as written (an unclosed quote, spaces around `=`, single quotes, PATCH twice) is refused.
 */
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { parseInstallProperties, patchList, patchListProblem, setPatchList } from '../model/install-properties.js';
import { addedToPatch, fileOf, isKb977203Entry, isKb977384Entry, withoutKb977203Entries } from './kb977203-patch-list.js';
import type { Issue } from '../errors.js';
import type { Located } from '../model/query.js';
import { SetupWindowsStep } from '../model/steps.js';
import type { Step, SubTaskSequence } from '../model/types.js';
import { findVariable, variableList } from '../model/variables.js';
import { isPackageId } from '../model/child-sequence.js';
import { refuseSetupVariableTwice } from '../transforms/add-client-patch.js';
import { type AlreadyInPlace, type Edit, inSubtrees } from '../transforms/context.js';
import { markupOfNewVariable } from '../transforms/markup-count.js';
import { pathTooLong as patchPathTooLong, textProblem } from '../transforms/values.js';
import { MSP_NAME_RULES, type ResolvedKb977203Options } from './kb977203-options.js';
import { placeOf, refusalPlace } from '../issue-place.js';
import { shownValue } from '../shown-value.js';

/** Where the hotfix sits inside the client installation files (R3). */
export const KB977203_HOTFIX_DIR = 'i386\\hotfix\\KB977203';

/** The PATCH path for one client package: the task sequence cache (R4, R7) or a UNC source (R9). */
export function kb977203PatchPath(o: { clientPackage: string; msp: string; drive?: string | undefined; source?: string | undefined }): string {
  if (o.source !== undefined) return `${o.source.replace(/\\+$/, '')}\\${KB977203_HOTFIX_DIR}\\${o.msp}`;
  return `${(o.drive ?? 'C:').toUpperCase()}\\_SMSTaskSequence\\OSD\\${o.clientPackage}\\${KB977203_HOTFIX_DIR}\\${o.msp}`;
}

/**
 * Whether a text names KB977203 as the whole number: a KB9772031 .msp is another hotfix (one was replaced by the
 * KB977203 entry, and so deleted).
 */
export const namesKb977203 = (text: string): boolean => /KB977203(?!\d)/i.test(text);
export { isKb977203Entry, isKb977384Entry, withoutKb977203Entries };

/**
 * Where KB977203 puts the .msp (R3, R4, R7, R9): `i386\hotfix\KB977203\` of the client installation files, either
 * the client package in the task sequence cache (`<drive>:\_SMSTaskSequence\OSD\<package>\`, any drive) or the
 * client files on a share (a UNC path); the file is an .msp of any name (R10). The package ID in a cache path is
 * checked on its own (R5).
 */
const ENTRY_PLACES = [/^[A-Za-z]:\\_SMSTaskSequence\\OSD\\[^\\]+\\i386\\hotfix\\KB977203\\[^\\]+\.msp$/i, /^\\\\[^\\]+\\[^\\]+(?:\\[^\\]+)*\\i386\\hotfix\\KB977203\\[^\\]+\.msp$/i];

/**
 * Why a KB977203 entry is not in one of the places KB977203 allows, in words (with the requirement), or undefined
 * when it is. Windows Installer wants the full path of each .msp in PATCH, and the hotfix is only in the client
 * installation files: a file name alone, or a copy somewhere else, is not what the KB describes, so cmts does not
 * call it in place. Entries with a %variable% are not judged here (R8 refuses or replaces them).
 */
export function kb977203EntryPlaceProblem(entry: string): string | undefined {
  if (ENTRY_PLACES.some((re) => re.test(entry))) return undefined;
  return pathFormProblem(entry) ?? `not in \\${KB977203_HOTFIX_DIR}\\ of the client package in the task sequence cache (R4, R7) or of the client files on a share (R9)`;
}

/** Why an entry is no full Windows path, in words, or undefined: forward slashes, or a file name alone. */
function pathFormProblem(entry: string): string | undefined {
  if (entry.includes('/')) return 'a path written with forward slashes, not the backslashes of the path KB977203 gives (R4)';
  if (!entry.includes('\\')) return 'a file name without its folder, and PATCH takes full paths (R4)';
  return undefined;
}

/**
 * Why a KB977384 entry (R2) is not a place the client installation reads the update from, or undefined. The KB gives
 * no folder for that update, so a full path on a drive (R7) or a share (R9) is taken; not KB977203's own hotfix
 * folder (R3), which holds KB977203's .msp (an msp option naming KB977384 once wrote such a path).
 */
function kb977384PlaceProblem(entry: string): string | undefined {
  const form = pathFormProblem(entry);
  if (form !== undefined) return form;
  if (!/^(?:[A-Za-z]:\\|\\\\[^\\]+\\[^\\]+\\)/.test(entry)) return 'not a full path, on a drive (R7) or a share (R9)';
  if (/\\KB977203\\[^\\]*$/i.test(entry)) return `in \\${KB977203_HOTFIX_DIR}\\, which holds the KB977203 .msp, not KB977384's (R3)`;
  return undefined;
}

/**
 * The client service pack an entry's .msp name is Microsoft's for (`…-SP2-KB977203…`, `…-SP2-KB977384…`), or
 * undefined when it names none.
 */
function servicePackOf(entry: string): 'sp1' | 'sp2' | undefined {
  const sp = /-SP([12])-KB977(?:203|384)(?!\d)/i.exec(fileOf(entry))?.[1];
  return sp === undefined ? undefined : sp === '1' ? 'sp1' : 'sp2';
}

/** What is wrong with a KB977203 or KB977384 entry; `why` says it in words, empty when the entry is right. */
interface EntryProblems {
  /** The service pack of the .msp, where it is not the clients' (or, for KB977384, not SP2). */
  sp?: string;
  variable?: boolean;
  pkg?: string;
  place?: string;
  why: string[];
}

/**
 * What is wrong with a KB977203 entry, or with a KB977384 one (R2), which is held to the same rules: the client
 * package (R5), a drive or a share (R7, R9), no %variable% (R8), and the clients' service pack (KB977384 is for SP2
 * clients only). Without options (lint), only what the file says alone: a service pack is judged only for KB977384.
 */
function entryProblems(entry: string, clientPackage: string | undefined, o: ResolvedKb977203Options | undefined): EntryProblems {
  const update = isKb977384Entry(entry);
  const out: EntryProblems = { why: [] };
  const named = servicePackOf(entry);
  const sp = update ? (named ?? 'sp2') : named;
  if (sp !== undefined && (update ? sp === 'sp1' || o?.version === 'sp1' : o !== undefined && sp !== o.version)) out.sp = sp.toUpperCase();
  if (/%[^%]*%/.test(entry)) out.variable = true;
  const pkg = /\\_SMSTaskSequence\\(?:OSD|Packages)\\([^\\]+)\\/i.exec(entry)?.[1];
  if (pkg !== undefined && clientPackage !== undefined && !/%/.test(pkg) && pkg.toUpperCase() !== clientPackage.toUpperCase()) out.pkg = pkg;
  // One reason is enough for a path already replaced for its variable or its package.
  const place = out.variable || out.pkg !== undefined ? undefined : ((update ? kb977384PlaceProblem(entry) : kb977203EntryPlaceProblem(entry)) ?? patchPathTooLong(entry) ?? (o === undefined ? undefined : notWhereGiven(entry, o, update)));
  if (place !== undefined) out.place = place;
  const clients = o === undefined ? '' : ` on ${o.version.toUpperCase()} clients`;
  const spWhy = out.sp === undefined ? '' : update ? (named === 'sp1' ? 'an SP1 name, and KB977384 is for SP2 clients only (R2)' : `KB977384, which is for SP2 clients only,${clients} (R2, R4)`) : `the ${out.sp} .msp${clients} (R4)`;
  out.why = [spWhy, out.variable ? 'a %variable% path (R8)' : '', out.pkg !== undefined ? `package ${out.pkg}, not the client package ${clientPackage ?? ''} (R5)` : '', out.place ?? ''].filter(Boolean);
  return out;
}

/**
 * Why a KB977384 client update entry in PATCH cannot install the update, so that it is no R2 cover for KB977203, in
 * words (each with its requirement), or undefined when it can: the preset's own test, for lint without options (the
 * client package the step names, and what the entry says alone).
 */
export function kb977384EntryProblem(entry: string, clientPackage: string | undefined): string | undefined {
  const why = entryProblems(entry, clientPackage, undefined).why;
  return why.length === 0 ? undefined : why.join(', ');
}

/**
 * Why an entry in an allowed place is not where the options say the file is, or undefined. Another drive, a UNC path
 * or a locale's .msp name is kept when the options say nothing of it; one they contradict is replaced: a drive, a
 * source or an .msp name given is the administrator's word on where the file is (R7, R9, R10), and a check with them
 * must not call the old path in place.
 */
function notWhereGiven(entry: string, o: ResolvedKb977203Options, update: boolean): string | undefined {
  const cut = entry.lastIndexOf('\\');
  const folder = entry.slice(0, cut);
  const file = entry.slice(cut + 1);
  const unc = entry.startsWith('\\\\');
  const otherDrive = () => (entry.slice(0, 2).toUpperCase() !== o.drive?.toUpperCase() ? `on ${entry.slice(0, 2).toUpperCase()}, where the drive given says the task sequence cache is on ${o.drive?.toUpperCase()} (R7)` : undefined);
  // The source and .msp name given are KB977203's file's; of a KB977384 entry only a path into the cache is judged.
  if (update) return o.drive !== undefined && /^[A-Za-z]:\\_SMSTaskSequence\\/i.test(entry) ? otherDrive() : undefined;
  if (o.source !== undefined) {
    const given = `${o.source.replace(/\\+$/, '')}\\${KB977203_HOTFIX_DIR}`;
    if (folder.toUpperCase() !== given.toUpperCase()) return `not in ${given}\\, the source given (R9)`;
  } else if (o.drive !== undefined) {
    if (unc) return `a UNC path, where the drive given says the task sequence cache is on ${o.drive.toUpperCase()} (R7)`;
    const drive = otherDrive();
    if (drive !== undefined) return drive;
  }
  if (o.mspGiven && file.toUpperCase() !== o.msp.toUpperCase()) return `${file}, where the .msp name given is ${o.msp} (R10)`;
  return undefined;
}

/**
 * The path a replaced entry gets with its own .msp name kept, or undefined when the default name (or the name given)
 * goes in. R10: the .msp name differs by locale, and the name to use is the one in the hotfix folder; an entry whose
 * name is Microsoft's for the clients' service pack but not the default (`SCCM2007AC-SP2-KB977203-x86-DEU.msp`, say:
 * `-SP2-KB977203` in it) is the best word the file has on that name, and a path moved into the right folder (another
 * package, drive or share, or from outside the client files) keeps it, as an entry already in the right folder keeps
 * any .msp name. Not when the options name the .msp (the administrator's word), the name is of the other service pack
 * (replaced before this is asked) or of none (a hand spelling, `kb977203-sp2.msp`), it has a %variable%, it does not
 * end in .msp, it is not printable ASCII (as the msp option must be), or the path would be too long for Windows
 * Installer.
 */
function localeName(entry: string, clientPackage: string, o: ResolvedKb977203Options): string | undefined {
  if (o.mspGiven) return undefined;
  const file = fileOf(entry);
  if (file.toUpperCase() === o.msp.toUpperCase() || !/\.msp$/i.test(file) || servicePackOf(entry) !== o.version || /%/.test(file) || textProblem(file, MSP_NAME_RULES) !== undefined) return undefined;
  const path = kb977203PatchPath({ clientPackage, msp: file, drive: o.drive, source: o.source });
  return patchPathTooLong(path) === undefined ? path : undefined;
}

/** Which hotfix an entry apply replaces is of, for the words of the report. */
const kbOf = (entry: string | undefined): string => (entry !== undefined && isKb977384Entry(entry) ? 'KB977384' : 'KB977203');

/** One Setup step's plan: the PATCH it ends up with, and the edit (if any). */
export interface PatchPlan {
  path: string;
  clientPackage: string;
  patch: string;
  edits: Edit[];
  already: AlreadyInPlace[];
  diagnostics: Issue[];
  /** The markup items the edit adds (see markup-count.ts): the PATCH variable and its list, where the step has none. */
  markup: number;
}

/** The step's client package (option or document), checked before it is written into a path. */
function clientPackageOf(doc: TaskSequenceDocument, located: Located<Step | SubTaskSequence>, o: ResolvedKb977203Options, diagnostics: Issue[]): string {
  const variable = findVariable(located.node, 'ClientPackageID');
  const value = variable?.value.trim();
  if (o.clientPackage !== undefined) {
    // Setup downloads the client package its step names into the cache, and a PATCH path into another package's
    // folder names an .msp that is not there: the client installation fails (R5). Where the step names a package of
    // its own, that one goes into the path, said; the option is for the steps that name none, or name it otherwise.
    const own = value !== undefined && isPackageId(value) && value.toUpperCase() !== o.certfixPackage.toUpperCase() ? value : undefined;
    if (own === undefined || own.toUpperCase() === o.clientPackage.toUpperCase()) return o.clientPackage;
    if (o.source === undefined) {
      diagnostics.push({ code: 'KB977203_CLIENT_PACKAGE_OPTION_UNUSED', severity: 'warning', path: located.path, ...placeOf(doc, variable ?? located), message: `The Setup Windows and ConfigMgr step ${shownValue(located.path, '"')} names its client package, ${own} (_SMSClientPackageID), which Setup downloads into the task sequence cache: PATCH points into that package's folder (R5), not into ${o.clientPackage}, given as the client package option, where the .msp would not be. The option is for Setup steps that name no client package (or name it through a variable).` });
    }
    return own;
  }
  if (!value) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The Setup Windows and ConfigMgr step "${located.path}" names no client package (_SMSClientPackageID); give the client installation package as the clientPackage option (R5).`, refusalPlace(doc, variable ?? located, located.path));
  }
  const problem = isPackageId(value) ? undefined : (textProblem(value) ?? 'not the form of a package ID (site code and five hex digits)');
  if (problem !== undefined) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The Setup Windows and ConfigMgr step "${located.path}" has ${shownValue(value, '"')} as its client package (_SMSClientPackageID): ${problem}. It cannot go into the PATCH path; give the client installation package as the clientPackage option (R5).`, refusalPlace(doc, variable ?? located, located.path));
  }
  if (value.toUpperCase() === o.certfixPackage.toUpperCase()) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The Setup Windows and ConfigMgr step "${located.path}" uses ${value}, the CCMCertFix package, as its client package; PATCH must point into the client installation package (R5).`, refusalPlace(doc, variable ?? located, located.path));
  }
  return value;
}

/**
 * Plans PATCH for one Setup Windows and ConfigMgr step; throws before any edit when the step cannot be reconciled.
 * `besideOwnCertfix` says whether the CCMCertFix step that counts for the step is the preset's own (see
 * kb977203-certfix-for.ts): a right entry beside it was written by an earlier apply, or found then and said then, so
 * KB977203_PATCH_ADOPTED is not said again.
 */
export function planPatch(doc: TaskSequenceDocument, located: Located<Step | SubTaskSequence>, o: ResolvedKb977203Options, besideOwnCertfix: boolean): PatchPlan {
  refuseSetupVariableTwice(doc, located.node, located.path);
  const view = new SetupWindowsStep(located.node);
  const said: Issue[] = [];
  const clientPackage = clientPackageOf(doc, located, o, said);
  const expected = kb977203PatchPath({ clientPackage, msp: o.msp, drive: o.drive, source: o.source });
  // Refused, with a code of its own, as an option value the client could not use: the path is made of the options
  // (source, msp), and the client package ID is always eight characters.
  const tooLong = patchPathTooLong(expected);
  if (tooLong !== undefined) {
    throw new TaskSequenceError('PATCH_PATH_TOO_LONG', `The PATCH path for "${located.path}", ${expected}, is ${tooLong} (R7, R9). Give a shorter source share or .msp name (msp option), or use the task sequence cache (drive option).`, refusalPlace(doc, located));
  }
  const plan: PatchPlan = { path: located.path, clientPackage, patch: expected, edits: [], already: [], diagnostics: said, markup: 0 };
  const before = view.clientInstallProperties;
  // Properties it cannot use as they are, or an entry it cannot reconcile, are refused at the variable (at the step
  // where it has none), as lint places its finding about them; looked up only for a refusal.
  const at = () => refusalPlace(doc, findVariable(located.node, 'ClientInstallProperties') ?? located, located.path);
  const refuse = (message: string): never => {
    throw new TaskSequenceError('INSTALL_PROPERTIES_INVALID', message, at());
  };
  // Checked before PATCH is looked for: a PATCH the parser does not see would get a second one appended, and a
  // single-quoted one would be kept, or rewritten, with its apostrophes inside the paths.
  const problem = patchListProblem(before);
  if (problem?.kind === 'quote') {
    refuse(`The installation properties of "${located.path}" have a double quote at character ${problem.at + 1} that is never closed (${shownValue(before, '"')}); Windows Installer would read the rest as one value. Fix the quoting first.`);
  }
  if (problem?.kind === 'syntax') {
    refuse(`The installation properties of "${located.path}" have ${problem.written} at character ${problem.at + 1}: ${problem.why} Fix it first (R6).`);
  }
  if (problem?.kind === 'twice') {
    refuse(`The installation properties of "${located.path}" have PATCH twice (${shownValue(before, '"')}); Windows Installer would use only one of them. Merge them into one quoted, ;-separated list first.`);
  }
  const list = patchList(before) ?? [];
  // The KB977384 client update covers KB977203 only where it installs from: one that breaks the path rules (another
  // package, a %variable%, no full path, an SP1 name or SP1 clients) is stale like a KB977203 entry, and replaced below.
  const covering = list.find((e) => isKb977384Entry(e) && entryProblems(e, clientPackage, o).why.length === 0);
  if (covering !== undefined) {
    plan.patch = covering;
    plan.already.push({ what: `PATCH lists the KB977384 client update (${covering}), which contains KB977203`, where: located.path, requirement: 'R2' });
    return plan;
  }
  const next: string[] = [];
  const replaced: { from: string; to: string; why: string }[] = [];
  let kept: string | undefined;
  let insertedAt: number | undefined;
  for (const entry of list) {
    const update = isKb977384Entry(entry);
    if (!update && !isKb977203Entry(entry)) {
      next.push(entry);
      continue;
    }
    const p = entryProblems(entry, clientPackage, o);
    if (p.sp !== undefined && !o.versionGiven) {
      throw new TaskSequenceError('INVALID_ARGUMENT', `PATCH of "${located.path}" lists ${shownValue(entry, '')}, the ${p.sp} client patch, and no client version was given (SP2 is the default). Say which service pack the clients run with the clientVersion option: that entry is replaced if it is wrong, kept if it is right (R4).`, at());
    }
    if (p.variable && o.drive === undefined && o.source === undefined) {
      throw new TaskSequenceError('VARIABLE_IN_PATH', `PATCH of "${located.path}" lists ${shownValue(entry, '')}, which uses a %variable% (R8): its drive can differ between Windows PE and the full OS. Say where the task sequence cache is with the drive option (R7), or give the client files' UNC path with the source option (R9); the entry is then replaced.`, at());
    }
    // A KB977384 entry here has a fault (a right one covers PATCH, above): the KB977203 entry goes in its place.
    const why = update ? [`the KB977384 client update, which does not install from there: ${p.why.join(', ')}`] : p.why;
    if (why.length === 0 && kept === undefined) {
      kept = entry;
      next.push(entry);
    } else if (why.length > 0 && kept === undefined && replaced.length === 0) {
      const to = p.sp === undefined && !update ? (localeName(entry, clientPackage, o) ?? expected) : expected;
      replaced.push({ from: entry, to, why: why.join(', ') + (to === expected ? '' : `; its .msp name kept, as a locale's name can differ (R10)`) });
      insertedAt = next.length;
      next.push(to);
      plan.patch = to;
    } else {
      // A second KB977203 entry: the list keeps one.
      replaced.push({ from: entry, to: '', why: why.length > 0 ? why.join(', ') : 'a second KB977203 entry' });
    }
  }
  if (kept !== undefined) {
    // A right entry later in the list makes an earlier replacement a duplicate: drop it instead.
    if (insertedAt !== undefined) {
      next.splice(insertedAt, 1);
      (replaced[0] as { to: string }).to = '';
    }
    plan.patch = kept;
    plan.already.push({ what: `PATCH lists ${kept}`, where: located.path, requirement: 'R4' });
    // Once applied, nothing in the file tells this entry from one the preset adds, and revert takes out both: said
    // now, so that an administrator who wrote it knows before a revert takes it away (once: not on every re-apply).
    if (!besideOwnCertfix) plan.diagnostics.push({ code: 'KB977203_PATCH_ADOPTED', severity: 'info', path: located.path, ...placeOf(doc, located), message: `PATCH of ${shownValue(located.path, '"')} already lists ${shownValue(kept, '')}, which the preset keeps (adopted; what is already in place gives it in full). Nothing in the file will record that it was there before the preset, so revert takes it out as it does the entry the preset adds: if it is the administrator's own, write it back by hand after a revert.` });
  }
  if (kept === undefined && replaced.length === 0) next.push(expected);
  // Whether PATCH is written as R6 asks, `PATCH="…"`: then a list that stays the same stays as written.
  const quoted = parseInstallProperties(before).some((t) => t.name?.toUpperCase() === 'PATCH' && /^PATCH="/i.test(before.slice(t.start, t.end)));
  if (quoted && next.length === list.length && next.every((e, i) => e === list[i])) return plan;
  // Only appended: the list as written stays, so that revert gives it back.
  const appended = replaced.length === 0 && kept === undefined ? addedToPatch(before, expected) : undefined;
  const after = appended ?? setPatchList(before, next);
  if (after === before) return plan;
  // Revert takes every KB977203 entry out of PATCH: what it gives back is the list without them.
  const back = withoutKb977203Entries(after);
  if (replaced.length > 0) {
    // A KB977203 entry apply replaced or took out (a stale path, the other service pack's .msp, a hand-edited
    // spelling, a second entry) is recorded nowhere in the file once the right one is in, so revert cannot put it back.
    const gone = replaced.map((r) => shownValue(r.from, '')).join(', ');
    const [entries, it] = replaced.length === 1 ? [`a ${kbOf(replaced[0]?.from)} entry`, 'it'] : ['KB977203 (or KB977384) entries', 'them'];
    plan.diagnostics.push({ code: 'KB977203_PATCH_NOT_REVERSIBLE', severity: 'info', path: located.path, ...placeOf(doc, located), message: `PATCH in the installation properties of "${located.path}" had ${entries} that apply replaces or takes out (${gone}; the change lists ${it} in full). Nothing in the file will record ${it} once the right entry is in, so revert cannot put ${it} back: revert takes the KB977203 entry out of PATCH and gives back ${shownValue(back, '"')}, without the old entry. Write ${it} back by hand after a revert if ${it} should stay.` });
  } else if (kept === undefined && back !== before) {
    // Quoted as R6 asks, or an empty PATCH at the end that reads as none once the entry is in: the file no longer
    // says how it was written, and revert gives back what means the same to Windows Installer.
    plan.diagnostics.push({ code: 'KB977203_PATCH_NOT_REVERSIBLE', severity: 'info', path: located.path, ...placeOf(doc, located), message: `PATCH in the installation properties of "${located.path}" is written anew (${shownValue(before, '"')} becomes ${shownValue(after, '"')}), and nothing in the file will tell how it was written: revert gives back ${shownValue(back, '"')}, the same to Windows Installer but not the original bytes.` });
  }
  if (kept !== undefined && !quoted) {
    // The entry adopted as it stands is rewritten all the same: an administrator's own text that changes form (and
    // that revert, taking the entry out, does not give back in its old form either) is said, not left to the change.
    plan.diagnostics.push({ code: 'KB977203_PATCH_REQUOTED', severity: 'info', path: located.path, ...placeOf(doc, located), message: `PATCH of ${shownValue(located.path, '"')} lists ${shownValue(kept, '')}, which the preset keeps, but not in one list in double quotation marks as R6 asks: it writes PATCH anew (${shownValue(before, '"')} becomes ${shownValue(after, '"')}). Revert takes the KB977203 entry out and gives back ${shownValue(back, '"')}, not the form PATCH had.` });
  }
  plan.markup = markupOfNewVariable(located.node, 'ClientInstallProperties');
  if (plan.markup > 0) {
    // The variable the preset adds looks, once revert has emptied it, like one an export holds empty: nothing tells
    // them apart, so revert leaves it. Said now, as the other forms revert cannot give back are.
    plan.diagnostics.push({ code: 'KB977203_PATCH_NOT_REVERSIBLE', severity: 'info', path: located.path, ...placeOf(doc, located), message: `"${located.path}" has no installation-properties variable (SMSClientInstallProperties${variableList(located.node) === undefined ? ', nor a <defaultVarList>' : ''}): the preset adds one for PATCH. Nothing in the file will record that it had none, so revert leaves the variable in place, empty: the same to Setup as none, but not the original bytes. Remove it by hand after a revert if the bytes matter.` });
  }
  const what = replaced.length > 0 ? `replaced in PATCH: ${replaced.map((r) => (r.to === '' ? `removed ${r.from} (${r.why})` : `${r.from} → ${r.to} (${r.why})`)).join('; ')}` : 'PATCH in installation properties';
  plan.edits.push({
    change: { what, where: located.path, before, after, requirement: 'R4' },
    apply: () => {
      view.clientInstallProperties = after;
    },
    scope: inSubtrees([located.node]),
  });
  return plan;
}
