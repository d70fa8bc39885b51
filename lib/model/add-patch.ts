/**
 * Adding an .msp path to the PATCH property of the installation properties string: appended to the list as written
 * where it can be (so that taking it out again gives the text back), refused before any splice where the list is not
 * one plain list Windows Installer reads as cmts does.
 */
import { TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { describeGiven, describeValue } from './child-nodes.js';
import { parseInstallProperties, patchListProblem, quotedPatchValue, splitPatch } from './install-properties.js';

/**
 * The properties with `entry` added at the end of a `PATCH="…"` list as `;entry`, the rest of the list as written
 * (spaces after a `;`, say), or undefined when the list is not in that form or ends in a `;` or a space: then it is
 * written anew. Taking the `;entry` out again (the KB977203 preset's revert does) gives the list back as it was.
 */
export function appendedToPatch(text: string, entry: string): string | undefined {
  const at = quotedPatchValue(text);
  if (at === undefined || !/[^;\s]$/.test(text.slice(at.start, at.end))) return undefined;
  return `${text.slice(0, at.end)};${entry}${text.slice(at.end)}`;
}

/** What {@link addPatch} did. */
export type AddPatchResult =
  | { status: 'added'; value: string }
  | { status: 'present'; value: string }
  | { status: 'covered'; value: string; by: string };

/**
 * Adds an .msp path to the PATCH property: appended to an existing list (one PATCH property, never two) as `;path`
 * when it is written `PATCH="…"` (the rest of it as written), otherwise the list written anew, quoted; every other
 * property keeps its text, order and quoting. A path already listed (any letter case) is `present`; a listed path
 * containing one of `coveredBy` (any case) is `covered`.
 */
export function addPatch(text: string, msp: string, coveredBy: string[] = []): AddPatchResult {
  checkAddPatch(text, msp, coveredBy);
  const token = parseInstallProperties(text).find((t) => t.name?.toUpperCase() === 'PATCH');
  if (!token) {
    // Always one space before (none in an empty string), so that removing ` PATCH="…"` gives the text back.
    const sep = text === '' ? '' : ' ';
    return { status: 'added', value: `${text}${sep}PATCH="${msp}"` };
  }
  const list = splitPatch(token.value);
  if (list.some((p) => p.toLowerCase() === msp.toLowerCase())) return { status: 'present', value: text };
  const by = list.find((p) => coveredBy.some((c) => p.toLowerCase().includes(c.toLowerCase())));
  if (by !== undefined) return { status: 'covered', value: text, by };
  // A `PATCH="…"` list keeps what it says as written (spaces after a `;`, say): the path goes on the end.
  const appended = appendedToPatch(text, msp);
  if (appended !== undefined) return { status: 'added', value: appended };
  const value = `${token.name as string}="${[...list, msp].join(';')}"`;
  return { status: 'added', value: text.slice(0, token.start) + value + text.slice(token.end) };
}

/**
 * Refuses what {@link addPatch} cannot add safely, before it splices anything: a path with a `"` (it closed the list
 * early) or a `;` (two paths), none at all, arguments that are no strings, and properties where the PATCH to add to is
 * not one plain list (a quote never closed, PATCH twice, a PATCH Windows Installer reads otherwise). The transform
 * add-client-patch refuses these first, naming the step.
 */
function checkAddPatch(text: unknown, msp: unknown, coveredBy: unknown): void {
  if (typeof text !== 'string') throw new TaskSequenceError('INVALID_ARGUMENT', `addPatch takes the installation properties as a string; it was given ${describeValue(text)}.`);
  if (typeof msp !== 'string' || msp.trim() === '' || /[";]/.test(msp)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `addPatch takes an .msp path with no double quote or ";" (it goes into a quoted, ";"-separated list); it was given ${describeGiven(msp)}.`);
  }
  // As the transforms refuse them: white space around the path (the list is read back trimmed, so the same path was
  // added again at each call), a control character (a line end or tab splits the command line ccmsetup is given), and
  // a path ending in a backslash (before the closing quotation mark, a command line reads \" as a quotation mark).
  if (msp !== msp.trim() || /[\u0000-\u001f\u007f]/.test(msp) || msp.endsWith('\\')) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `addPatch takes an .msp path with no white space around it, no control character and no "\\" at its end; it was given ${describeGiven(msp)}.`);
  }
  if (!Array.isArray(coveredBy) || coveredBy.some((c) => typeof c !== 'string')) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `addPatch takes coveredBy as a list of strings (parts of .msp paths); it was given ${describeValue(coveredBy)}.`);
  }
  const problem = patchListProblem(text);
  if (problem === undefined) return;
  const why = problem.kind === 'quote' ? 'a double quote that is never closed' : problem.kind === 'twice' ? 'PATCH twice; merge them into one list first' : `${problem.written} at character ${problem.at + 1}: ${problem.why}`;
  throw new TaskSequenceError('INSTALL_PROPERTIES_INVALID', `The installation properties ${shownValue(text, '"')} have ${why}`);
}
