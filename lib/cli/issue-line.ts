/**
 * A report's issue as a line of text, for every command that prints one: `cmts lint`'s findings, the KB977203
 * report's diagnostics and `cmts transform`'s. The place comes first, as editors and scripts read it
 * (`file:line:col: `), for an issue placed in its file (see `issue-place.ts`); then severity, code, requirement, path
 * and message. `transform kb977203` printed the preset's diagnostics with a formatter of its own, without their place.
 */
import type { Issue } from '../errors.js';

/**
 * `issue` as a line says it (before `printable`): `file:line:col: ` first when it is placed (the file it names, else
 * `file`, the input it came from), nothing before the severity when it is not. `shownPath` gives the path as the
 * line shows it (lint cuts a long one).
 */
export function issueLine(issue: Issue, file: string, shownPath: (path: string) => string = (path) => path): string {
  const at = issue.line === undefined ? '' : `${issue.file ?? file}:${issue.line}:${issue.col ?? 1}: `;
  return `${at}${issue.severity} ${issue.code}${issue.requirement ? ` [${issue.requirement}]` : ''}${issue.path !== undefined ? ` ${shownPath(issue.path)}` : ''}: ${issue.message}`;
}
