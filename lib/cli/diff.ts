/**
 * `cmts diff <a> <b>`: what changed between two task sequences, or, like `diff -r`, between two folders: files
 * are paired by their path below each folder, and a file on one side only is a difference.
 */
import { printable } from '../errors.js';
import type { DiffEntry } from '../diff/diff-entry.js';
import { diffWithPlaces } from '../diff/semantic-diff.js';
import { type OptionSpecs, UsageError, flag, readLimitHelp, READ_LIMIT_OPTIONS } from './args.js';
import { reportUsage, startCommand } from './start-command.js';
import { formatDifferences, insideGroup, withSecretsHidden } from './diff-format.js';
import { INPUT_EXTENSIONS, walk } from './inputs.js';
import type { CliIo } from './io.js';
import { EXIT } from './exit.js';
import { errorRecord, inputFailure, type JsonReport, printErrorJson, printJson, reportFailure, reportInternalError } from './json-report.js';
import { type Loaded, loadDocuments } from './load.js';

/** The command's --help text. */
export const HELP = `NAME
    cmts diff - compare two task sequences, or two folders of them, by meaning

SYNOPSIS
    cmts diff <a> <b> [--json]

DESCRIPTION
    Compares two task sequences (any containers and encodings; - for standard input) by meaning, blind to
    formatting: steps and groups added (+), removed (-), moved (>) and changed (~: attributes, command line,
    variables, conditions, elements cmts does not know), package properties, sequence attributes, global
    variables and references. Values are compared as XML defines them (a CRLF copy equals an LF copy) and
    printed as written, but for secrets: the value of a password-like variable, of a setting the step
    catalog types as secret and of a Set Task Sequence Variable step that sets a secret shows as (hidden),
    here and under --json. Changed Set Dynamic Variables rules are printed rule by rule, in words (rule 7
    before and after, + rule 4 added, - rule 3 removed, > rule 1 moved), the rules that changed alone; --json
    keeps the values. An added or removed group is printed with its steps under it. A step moved between
    two groups of one name is told by position (1.2: item 2 inside the first top-level item; position and
    fromPosition under --json).
    With two folders, compares them like diff -r: files (.xml, .zip) are paired by their path below each
    folder, and a file on one side only is reported as "Only in <folder>: <path>". An export .zip of several
    sequences is compared sequence by sequence, each with its namesake (a.zip!SMS_TaskSequencePackage/<ID>/...).
    Items of one path (steps of one name in a group) are named by position too: "(item 1.2)", at under --json:
    the index of each level from 1, in the second file (a removed item's in the first).

OPTIONS
    --json       print {"results": [{"input", "a", "b", "status", "differences"} | {"input", "error"}], "summary"}
                 (schemas/diff.report.schema.json); errors and usage errors are printed in the same report
${readLimitHelp('    ', 17)}
    -h, --help   show this help

EXAMPLES
    cmts diff before.xml after.xml
    cmts kb977203 ts.xml -o - --certfix-package ABC00010 | cmts diff ts.xml -
    cmts diff exports-2024/ exports-2025/ --json

EXIT STATUS
    As diff(1): 0 no differences; 1 differences (including a file on one side only); 2 trouble (usage error,
    an input that could not be read, standard output that could not be written, or an internal error).
`;

const OPTIONS: OptionSpecs = { json: { type: 'boolean' }, ...READ_LIMIT_OPTIONS, help: { type: 'boolean', short: 'h' } };

/** One compared pair in --json. */
interface DiffRecord {
  input: string;
  a: string | null;
  b: string | null;
  status: 'same' | 'different' | 'only-in-a' | 'only-in-b';
  differences: DiffEntry[];
}

function relativeFiles(io: CliIo, dir: string): Map<string, string> {
  const base = dir.replace(/[\\/]+$/, '') || '/';
  const files = walk(io, base, true).filter((f) => INPUT_EXTENSIONS.some((x) => f.toLowerCase().endsWith(x)));
  return new Map(files.map((f) => [f.slice(base === '.' ? 0 : base.length + 1), f]));
}

/** How many lines of differences {@link compare} writes at a time. */
const LINES_AT_A_TIME = 4096;

/** Runs `cmts diff`. */
/** Two sequences to compare (one may be missing: a sequence of an export .zip on one side only), and what names them. */
interface SequencePair {
  input: string;
  part: string;
  a: Loaded | undefined;
  b: Loaded | undefined;
}

/**
 * The sequences of two inputs, paired: a file of one sequence with a file of one sequence, whatever each is; otherwise
 * (an export .zip of a parent and its child sequences) each sequence with the one the other input holds under the
 * same name inside it (`SMS_TaskSequencePackage/<ID>/object.xml`), and one on one side only as such. A pair's input
 * is named after a file that holds it: `nameA!<part>`, or `nameB!<part>` for a part only the second input holds (a
 * file of one sequence compared with an export of several holds no part of that name).
 */
function sequencePairs(left: Loaded[], right: Loaded[], nameA: string, nameB: string): SequencePair[] {
  if (left.length === 1 && right.length === 1) return [{ input: nameA, part: '', a: left[0], b: right[0] }];
  const byPart = (ls: Loaded[]) => new Map(ls.map((l) => [l.part ?? '', l]));
  const [a, b] = [byPart(left), byPart(right)];
  const input = (key: string) => {
    const name = a.has(key) ? nameA : nameB;
    return key === '' ? name : `${name}!${key}`;
  };
  return [...new Set([...a.keys(), ...b.keys()])].sort().map((key) => ({ input: input(key), part: key, a: a.get(key), b: b.get(key) }));
}

export function run(argv: string[], io: CliIo): number {
  try {
    return compare(argv, io);
  } catch (e) {
    // A usage error is main's to report (status 2 too).
    if (e instanceof UsageError) throw e;
    // A bug is trouble: reported as the launcher reports one, but with diff's status for trouble, since its 1
    // (the launcher's status for a bug) would tell a script the files differ.
    reportInternalError(e, io, 'diff');
    return EXIT.usage;
  }
}

function compare(argv: string[], io: CliIo): number {
  const p = startCommand(
    {
      name: 'diff',
      help: HELP,
      options: OPTIONS,
      jsonSummary: { pairs: 0, different: 0, onlyInA: 0, onlyInB: 0, failed: 0 },
      check: (q) => {
        if (q.positionals.length !== 2) throw new UsageError('Give two files (or two folders) to compare.');
        if (q.positionals[0] === '-' && q.positionals[1] === '-') throw new UsageError('Only one side can be standard input (-).');
        // As every other command says it: '' was read as a file named '' ("Cannot read : no such file").
        if (q.positionals.includes('')) throw new UsageError('"" names no file to compare (an empty argument: a variable with nothing in it?).');
      },
    },
    argv,
    io,
  );
  if (typeof p === 'number') return p;
  const [a, b] = p.positionals as [string, string];
  const json = flag(p, 'json');
  const folders = [io.isDirectory(a), io.isDirectory(b)];
  if (folders[0] !== folders[1]) return reportUsage('diff', `${folders[0] ? a : b} is a folder and ${folders[0] ? b : a} is not: compare two files or two folders.`, io);
  const results: JsonReport<DiffRecord>['results'] = [];
  let trouble = false;
  let shown = 0;
  // One line, as printable writes it: a file name (or a part's) may hold a control character, which the terminal would
  // act on (an escape sequence), or a line end, which would make a second line of it.
  const printLine = (line: string) => {
    if (!json) io.stdout.write(`${shown++ ? '\n' : ''}${printable(line)}\n`);
  };
  /**
   * Prints lines, each as printable writes it (file names, step names and values may hold a control character; a
   * value's own lines, which formatDifferences shows indented, stay lines), a part at a time: joined whole, the
   * differences of 100,000 steps with long paths passed the longest string there can be.
   */
  const printLines = (lines: string[]) => {
    if (json) return;
    if (shown++) io.stdout.write('\n');
    for (let i = 0; i < lines.length; i += LINES_AT_A_TIME) {
      io.stdout.write(`${lines.slice(i, i + LINES_AT_A_TIME).flatMap((l) => l.split('\n')).map(printable).join('\n')}\n`);
    }
  };
  const pairs: [string, string | undefined, string | undefined][] = [];
  try {
    if (folders[0]) {
      const left = relativeFiles(io, a);
      const right = relativeFiles(io, b);
      for (const rel of [...new Set([...left.keys(), ...right.keys()])].sort()) pairs.push([rel, left.get(rel), right.get(rel)]);
    } else pairs.push([a, a, b]);
  } catch (e) {
    const err = inputFailure(e);
    reportFailure('diff', a, err, io.stderr);
    if (io.jsonErrors) printErrorJson(io.stdout, io.jsonErrors, err);
    return 2;
  }
  for (const [name, fa, fb] of pairs) {
    if (fa === undefined || fb === undefined) {
      const side = fa === undefined ? b : a;
      const slash = name.lastIndexOf('/');
      printLine(`Only in ${slash === -1 ? side : `${side.replace(/[\\/]+$/, '')}/${name.slice(0, slash)}`}: ${name.slice(slash + 1)}`);
      results.push({ input: name, a: fa ?? null, b: fb ?? null, status: fa === undefined ? 'only-in-b' : 'only-in-a', differences: [] });
      continue;
    }
    try {
      for (const pair of sequencePairs(loadDocuments(io, fa), loadDocuments(io, fb), name, folders[0] ? name : b)) {
        if (pair.a === undefined || pair.b === undefined) {
          // A file of one sequence against an export .zip of several: its sequence has no part to name (the line
          // ended "Only in a.xml: " with nothing after it).
          printLine(`Only in ${pair.a === undefined ? fb : fa}: ${pair.part === '' ? 'its task sequence (a file, no part of an export .zip)' : pair.part}`);
          results.push({ input: pair.input, a: pair.a?.label ?? null, b: pair.b?.label ?? null, status: pair.a === undefined ? 'only-in-b' : 'only-in-a', differences: [] });
          continue;
        }
        const [da, db] = [pair.a.doc, pair.b.doc];
        const diff = diffWithPlaces(da, db);
        // Changed Set Dynamic Variables rules are printed rule by rule, in words; --json keeps their values.
        const ruleLines = json ? undefined : new Map<number, string[]>();
        const differences = withSecretsHidden(da, db, diff, ruleLines);
        results.push({ input: pair.input, a: pair.a.label, b: pair.b.label, status: differences.length ? 'different' : 'same', differences });
        if (differences.length) printLines([`--- ${pair.a.label}`, `+++ ${pair.b.label}`, ...formatDifferences(differences, insideGroup(da, db, diff), ruleLines)]);
      }
    } catch (e) {
      trouble = true;
      const err = inputFailure(e);
      const file = err.file ?? fa;
      reportFailure('diff', file, err, io.stderr);
      results.push(errorRecord(name, err));
    }
  }
  const count = (s: DiffRecord['status']) => results.filter((r) => 'status' in r && r.status === s).length;
  if (json) {
    printJson(io.stdout, {
      results,
      summary: { pairs: results.length, different: count('different'), onlyInA: count('only-in-a'), onlyInB: count('only-in-b'), failed: results.filter((r) => 'error' in r).length },
    });
  }
  if (trouble) return 2;
  return results.some((r) => 'status' in r && r.status !== 'same') ? 1 : 0;
}
