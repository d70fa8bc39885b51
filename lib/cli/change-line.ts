/**
 * A report's change, and what it found already in place, as lines of text, for every command that prints them:
 * `cmts kb977203`'s report and `cmts transform`'s. The requirement the change meets comes first (`[R4] `), when the
 * transform gave one, then where and what; a change of a value is followed by its value before and after.
 * `transform kb977203` printed the preset's changes with a formatter of its own, without their requirement, before or
 * after.
 */
import type { AlreadyInPlace, Change } from '../transforms/index.js';

/** `[R4] ` for a change or note the transform labelled with a requirement, nothing for one it did not. */
function tag(requirement: string | undefined): string {
  return requirement ? `[${requirement}] ` : '';
}

/** A value as a before/after line shows it: an empty one said as such, not as trailing white space. */
function shownValue(value: string): string {
  return value === '' ? '(empty)' : value;
}

/**
 * `change` as lines (before `printable`), the first led by `verb` (`changed`, `would change`, `needed`), each
 * further one indented under it. Before and after are shown for a change that had a value before (PATCH, a
 * DependentProgram): one that only adds (a reference, a step) says what it adds in its line already.
 */
export function changeLines(change: Change, verb: string): string[] {
  const lines = [`${verb} ${tag(change.requirement)}${change.where}: ${change.what}`];
  if (change.before === undefined) return lines;
  lines.push(`    before: ${shownValue(change.before)}`);
  if (change.after !== undefined) lines.push(`    after:  ${shownValue(change.after)}`);
  return lines;
}

/** What a transform found already in place, as a line (before `printable`). */
export function alreadyLine(note: AlreadyInPlace): string {
  return `already ${tag(note.requirement)}${note.where}: ${note.what}`;
}
