/**
 * `cmts lint`: rule findings with ids, severities and places; the exit status follows the worst severity.
 */
import { type Issue, printable } from '../errors.js';
import { lint, LINT_RULES } from '../lint/index.js';
import { loadDocuments } from './load.js';
import { flag, type OptionSpecs, readLimitHelp, READ_LIMIT_OPTIONS } from './args.js';
import { startCommand } from './start-command.js';
import { inputsOrFail } from './inputs.js';
import { issueLine } from './issue-line.js';
import { pathNames } from '../model/query.js';
import type { CliIo } from './io.js';
import { errorRecord, inputFailure, type JsonReport, printJson, reportFailure } from './json-report.js';
import { EXIT } from './exit.js';
import { readerWentAway } from './std-stream.js';
import { characterCount } from '../shown-value.js';

/** The most characters of an item's path a text line shows (`--json` gives it whole). */
const SHOWN_PATH_CHARS = 240;

/**
 * An item's path as a text line shows it: whole up to {@link SHOWN_PATH_CHARS} characters, else its start and its end
 * (the item's own name) around `…`, with its length. A step named with a whole file (two million characters) made a
 * line that long for every finding, whose message is cut at 40.
 */
function shortPath(written: string): string {
  const path = namedPath(written);
  if (path.length <= SHOWN_PATH_CHARS) return path;
  // Cut between characters, never inside a surrogate pair.
  const at = (i: number) => (/[\udc00-\udfff]/.test(path[i] ?? '') ? i + 1 : i);
  return `${path.slice(0, at(SHOWN_PATH_CHARS / 2))}…${path.slice(at(path.length - SHOWN_PATH_CHARS / 2))} (${characterCount(path)} characters)`;
}

/**
 * A path whose items have no name said with `(no name)` in their place: an unnamed step at the top printed as
 * nothing, and one in an unnamed group as `/`. A name's own `/` is escaped (`\\/`), so every unescaped `/` parts two
 * names.
 */
function namedPath(path: string): string {
  // Only a path with an empty name in it can start or end with `/`, or hold `//`, or be empty.
  if (path !== '' && !path.startsWith('/') && !path.endsWith('/') && !path.includes('//')) return path;
  return pathNames(path)
    .map((n) => (n === '' ? '(no name)' : n))
    .join('/');
}

/** `text` in lines of at most `width` characters, the first after `head` and the others indented as far. */
function hanging(head: string, text: string, width = 116): string {
  const lines = [head];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    const line = lines[last] as string;
    if (line.length + 1 + word.length > width && line.trim() !== '' && line.length > head.length) lines.push(`${' '.repeat(head.length)}${word}`);
    else lines[last] = line.length === head.length ? `${line}${word}` : `${line} ${word}`;
  }
  return lines.join('\n');
}

const ID_WIDTH = Math.max(...LINT_RULES.map((r) => r.id.length)) + 2;

/** The command's --help text. */
export const HELP = `NAME
    cmts lint - check task sequences against KB977203 and console rules

SYNOPSIS
    cmts lint <input>... [--json] [--strict]

DESCRIPTION
    Checks each task sequence (files, folders of .xml and .zip files, globs, or - for standard input) against
    these rules and prints one line per finding, file:line:col: severity rule [R…] path: message ([R…] for a
    rule that enforces a KB977203 requirement; no path for a finding about the sequence as a whole or one of its
    global variables; file: alone, no line and column, for one with no place in the file).
${LINT_RULES.map((r) => hanging(`      ${r.id.padEnd(ID_WIDTH)}${r.severity.padEnd(8)}`, `${r.requirement ? `[${r.requirement}] ` : ''}${r.description}`)).join('\n')}
    [R…] names a KB977203 requirement, described in docs/kb977203-requirements.md (in the package).

OPTIONS
    --json       print {"results": [{"input", "diagnostics"} | {"input", "error"}], "summary"}
                 (schemas/lint.report.schema.json); errors and usage errors are printed in the same report
    --strict     warnings fail too
${readLimitHelp('    ', 17)}
    -h, --help   show this help

EXAMPLES
    cmts lint ts.xml
    cmts lint exports/ --strict
    cmts lint exports/*.zip --json | jq '.results[] | select(.diagnostics | length > 0) | .input'

EXIT STATUS
    0 no errors (warnings allowed unless --strict); 1 errors found, or an input could not be read;
    2 usage error, or a folder that cannot be listed.
`;

const OPTIONS: OptionSpecs = { json: { type: 'boolean' }, strict: { type: 'boolean' }, ...READ_LIMIT_OPTIONS, help: { type: 'boolean', short: 'h' } };

/** One input's record in --json. */
interface LintRecord {
  input: string;
  diagnostics: Issue[];
}

/** Runs `cmts lint`. */
export function run(argv: string[], io: CliIo): number {
  const p = startCommand({ name: 'lint', help: HELP, options: OPTIONS, jsonSummary: { inputs: 0, failed: 0, errors: 0, warnings: 0 } }, argv, io);
  if (typeof p === 'number') return p;
  const inputs = inputsOrFail('lint', p.positionals, io);
  if (typeof inputs === 'number') return inputs;
  const json = flag(p, 'json');
  const results: JsonReport<LintRecord>['results'] = [];
  let errors = 0;
  let warnings = 0;
  let failed = 0;
  // Once the reader of standard output went away (`| head`), the findings are for no one: the run stops at the next
  // input and ends quietly, as a program that SIGPIPE ends would (the exit status says the output was cut short).
  for (const input of inputs) {
    if (readerWentAway(io.stdout)) break;
    try {
      for (const { label, doc } of loadDocuments(io, input)) {
        const diagnostics = lint(doc);
        results.push({ input: label, diagnostics });
        for (const d of diagnostics) {
          if (d.severity === 'error') errors++;
          else if (d.severity === 'warning') warnings++;
          // One line a finding, whatever the step's name holds (see printable); one with no place in the file is
          // placed at the file alone, as other commands print a message about a whole file (not at line 0, column 0).
          if (!json) io.stdout.write(`${printable(`${d.line === undefined ? `${label}: ` : ''}${issueLine(d, label, shortPath)}`)}\n`);
        }
      }
    } catch (e) {
      failed++;
      const err = inputFailure(e);
      reportFailure('lint', input, err, io.stderr);
      results.push(errorRecord(input, err));
    }
  }
  if (json) printJson(io.stdout, { results, summary: { inputs: inputs.length, failed, errors, warnings } });
  else if (!readerWentAway(io.stdout)) io.stderr.write(`${inputs.length} input(s): ${errors} error(s), ${warnings} warning(s)${failed ? `, ${failed} could not be read` : ''}.\n`);
  return errors > 0 || failed > 0 || (flag(p, 'strict') && warnings > 0) ? EXIT.failed : EXIT.ok;
}
