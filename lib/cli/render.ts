/**
 * `cmts render`: task sequences as self-contained HTML pages (or Markdown) for change boards and handovers, a folder
 * of them with an index page, or the changes between two sequences highlighted for review.
 */
import { basename, join } from 'node:path';
import { buildComparisonView } from '../render/comparison-view.js';
import { renderHtml } from '../render/render-html.js';
import { renderMarkdown } from '../render/render-markdown.js';
import { type IndexEntry, indexSummary, renderIndex, type RenderFormat } from '../render/render-sequence.js';
import { buildSequenceView } from '../render/build-sequence-view.js';
import type { SequenceView } from '../render/view-model.js';
import { type Loaded, loadDocuments, loadOne } from './load.js';
import { flag, maxItemsOf, type OptionSpecs, type Parsed, shownValue, str, UsageError, readLimitHelp, READ_LIMIT_OPTIONS, withLimitFlags } from './args.js';
import { reportUsage, startCommand } from './start-command.js';
import { inputsOrFail } from './inputs.js';
import type { CliIo } from './io.js';
import { inputFailure, reportFailure } from './json-report.js';
import { EXIT } from './exit.js';
import { planTargets } from './output-targets.js';
import { undoneLines, undoneNothing, writeAllOrNone } from './write-all-or-none.js';
import { caseKey } from '../zip/entry-names.js';
import { printable } from '../errors.js';

/** The command's --help text. */
export const HELP = `NAME
    cmts render - document task sequences, or the changes between two, as HTML or Markdown

SYNOPSIS
    cmts render <input>... [-o <file> | --out-dir <folder>] [--format html|md]
    cmts render --compare <old> <new> [-o <file>] [--format html|md]

DESCRIPTION
    One self-contained HTML page per task sequence (no network, no other files): the package facts, the tree
    of groups and steps (collapsible; type, key settings, condition, continue-on-error, disabled steps greyed,
    step numbers), a search box, the task sequence variables set or read, the packages used, and the lint
    findings beside their steps. --format md writes the same as GitHub-flavoured Markdown. With --compare,
    <new> is shown with the steps added, removed and moved and the settings changed since <old> highlighted.

OPTIONS
    <input>...             files, folders (their .xml and .zip files), globs, or - for standard input
    -o, --output <file>    write the page here, in an existing folder (one task sequence only; never onto an
                           input) [default: standard output]
    --out-dir <folder>     write one page per task sequence, named after its file (index-2.html for one named
                           index), and index.html (index.md); the folder is created if missing. All or nothing:
                           if one is not written, the pages this run wrote are removed and the files it replaced
                           get their old content back (a folder it created is removed)
    --format html|md       the output format [default: md when -o names a .md file, else html; a
                           --format that the -o name contradicts is a usage error]
    --compare              take two files, <old> and <new> (a glob naming one file each; a folder is a usage
                           error), and highlight what changed
    --max-items <n>        refuse a task sequence with over n steps and groups, more than a page
                           shows (default 200000; a page costs about 1.6 KB of memory a step)
${readLimitHelp('    ', 27)}
    -h, --help             show this help

EXAMPLES
    cmts render ts.xml -o ts.html
    cmts render exports/ --out-dir docs/task-sequences
    cmts render --compare before.xml after.xml -o review.html
    cmts render ts.xml --format md > ts.md

EXIT STATUS
    0 every page written; 1 an input could not be read or a page not written (nothing is written then);
    2 usage error (also: several task sequences without --out-dir, or a page or the index that would land on
    an input).
`;

const OPTIONS: OptionSpecs = {
  output: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  format: { type: 'string' },
  compare: { type: 'boolean' },
  'max-items': { type: 'string' },
  ...READ_LIMIT_OPTIONS, help: { type: 'boolean', short: 'h' },
};

function checkUsage(p: Parsed): void {
  maxItemsOf(p);
  const f = str(p, 'format');
  if (f !== undefined && f !== 'html' && f !== 'md') throw new UsageError(`--format is html or md, not ${shownValue(f, '"')}.`);
  if (str(p, 'output') !== undefined && str(p, 'out-dir') !== undefined) throw new UsageError('Give -o or --out-dir, not both.');
  const o = str(p, 'output');
  const named = o === undefined ? undefined : extensionFormat(o);
  // `--format html -o notes.md` (or md into .html) asks for a file whose name says the other format: refused, not written.
  if (f !== undefined && named !== undefined && f !== named) throw new UsageError(`--format ${f} and -o ${o} disagree: ${o}'s name says ${named === 'md' ? 'Markdown' : 'HTML'}; give a name ending .${f === 'md' ? 'md' : 'html'}, or leave out --format.`);
  if (flag(p, 'compare')) {
    if (p.positionals.length !== 2) throw new UsageError('--compare takes two inputs: <old> <new>.');
    if (p.positionals[0] === '-' && p.positionals[1] === '-') throw new UsageError('Only one side can be standard input (-).');
    if (str(p, 'out-dir') !== undefined) throw new UsageError('--compare writes one page: give -o <file>, not --out-dir.');
  } else if (p.positionals.length === 0) throw new UsageError('Give the input file(s), or - for standard input.');
}

/** The format a file name's extension says: `.md`/`.markdown` Markdown, `.html`/`.htm` HTML, else none. */
function extensionFormat(name: string): RenderFormat | undefined {
  if (/\.(?:md|markdown)$/i.test(name)) return 'md';
  if (/\.html?$/i.test(name)) return 'html';
  return undefined;
}

/**
 * The output format: --format, else what -o's extension says (`-o notes.md` is Markdown: HTML was written into it
 * without a word), else HTML.
 */
function formatOf(format: string | undefined, output: string | undefined): RenderFormat {
  if (format === 'md' || format === 'html') return format;
  return (output === undefined ? undefined : extensionFormat(output)) ?? 'html';
}

/**
 * The base of a page's file name: the input's base name (and export part), safe on every file system: letters and
 * digits of any script (with their combining marks), `.`, `_` and `-`; a run of anything else is one `-`. Letters
 * outside ASCII are kept: made `-`, every name in Cyrillic, Greek or Chinese became `task-sequence`, so a folder of
 * two such exports was refused as two inputs for one page. The part is given apart, not split off a `file!part`
 * label: a `!` in a file or folder name is part of the name.
 */
function stemOf(file: string, part: string | undefined): string {
  const stem = `${basename(file).replace(/\.[^.]*$/, '')}${part ? `-${part.replace(/\/object\.xml$/i, '').replace(/^.*\//, '')}` : ''}`;
  return stem.replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '') || 'task-sequence';
}

/** A file name for a page, not yet taken, nor the index's (`index.<ext>`: that page is `index-2.<ext>`). */
function pageName(file: string, part: string | undefined, ext: string, taken: Set<string>): string {
  const safe = stemOf(file, part);
  let name = `${safe}.${ext}`;
  // Case ignored as Windows and macOS ignore it (caseKey: ΟΔΟΣ and οδοσ are one name there, though toLowerCase differs).
  for (let n = 2; taken.has(caseKey(name)) || caseKey(name) === caseKey(`index.${ext}`); n++) name = `${safe}-${n}.${ext}`;
  taken.add(caseKey(name));
  return name;
}

/** Runs `cmts render`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const p = startCommand({ name: 'render', help: HELP, options: OPTIONS, check: checkUsage }, argv, io);
  if (typeof p === 'number') return p;
  const format: RenderFormat = formatOf(str(p, 'format'), str(p, 'output'));
  const text = (v: SequenceView) => (format === 'md' ? renderMarkdown(v) : renderHtml(v));
  const output = str(p, 'output');
  const outDir = str(p, 'out-dir');
  const compare = flag(p, 'compare');
  const maxItems = maxItemsOf(p);
  const limit = maxItems === undefined ? {} : { maxItems };
  const inputs = compare ? compareInputs(p.positionals, io) : inputsOrFail('render', p.positionals, io);
  if (typeof inputs === 'number') return inputs;
  try {
    // The shared checks: no page lands on an input, -o goes into an existing folder, --out-dir is a folder.
    // The index is written into --out-dir too, so it is checked like a page: never onto an input. A page's planned
    // name is the one it gets when nothing else is taken (an input named index.xml is planned as index-2.html, as
    // it is written).
    // An export .zip's pages are named by package ID (`export-CM100031.html`), which only its reading tells: planned
    // under a name no page of another input can have, it is not taken for a clash with `export.xml`'s page.
    const nameFor = (i: string) => (/\.zip$/i.test(i) ? `${stemOf(i, undefined)}-(package ID).${format}` : pageName(i, undefined, format, new Set()));
    const alsoWritten = outDir === undefined ? [] : [{ option: '--out-dir index', path: join(outDir, `index.${format}`) }];
    for (const group of compare ? inputs.map((i) => [i]) : [inputs]) planTargets(group, { output, outDir, nameFor, alsoWritten, hasOutDir: !compare }, io);
  } catch (e) {
    if (e instanceof UsageError) return reportUsage('render', e.message, io);
    throw e;
  }
  let current = inputs.join(' ');
  // What the undo of a failed --out-dir set did, and could not do, said after its error.
  const undone = undoneNothing();
  try {
    if (compare) {
      const [a, b] = inputs as [string, string];
      current = a;
      const before = loadOne(io, a);
      current = b;
      const after = loadOne(io, b);
      return writePage(text(buildComparisonView(before.doc, after.doc, { source: `${after.label} (compared with ${before.label})`, ...limit })), output, io);
    }
    // Every input is read, and with --out-dir its views built, before anything is written: one that cannot be is
    // refused with nothing written. Only a count is kept, not the documents: the pages are made one at a time below.
    // (--out-dir takes no standard input, which could not be read twice.)
    let count = 0;
    let first: Loaded | undefined;
    for (const input of inputs) {
      current = input;
      const docs = loadDocuments(io, input);
      if (outDir !== undefined) for (const { label, doc } of docs) buildSequenceView(doc, { source: label, lint: false, ...limit });
      count += docs.length;
      // A single page needs no second read.
      first = count === 1 ? (first ?? docs[0]) : undefined;
    }
    if (outDir === undefined) {
      if (first === undefined) {
        return reportUsage('render', `The inputs hold ${count} task sequences; give --out-dir <folder> for a page each and an index.`, io);
      }
      return writePage(text(buildSequenceView(first.doc, { source: first.label, ...limit })), output, io);
    }
    const taken = new Set<string>();
    const index: IndexEntry[] = [];
    // Each input read again, its pages built, written and let go in turn: the index keeps a row of each
    // (indexSummary), so memory is that of one input's pages, however many inputs.
    function* pages(dir: string): Generator<{ path: string; make: () => string }> {
      for (const input of inputs as string[]) {
        current = input;
        for (const { label, doc } of loadDocuments(io, input)) {
          // A part's label is `input!part`; a file's is the input itself.
          const href = pageName(input, label === input ? undefined : label.slice(input.length + 1), format, taken);
          yield { path: join(dir, href), make: () => {
            const view = buildSequenceView(doc, { source: label, ...limit });
            index.push({ href, view: indexSummary(view) });
            return text(view);
          } };
        }
      }
      // The index last: it appears only once every page it links to is there.
      yield { path: join(dir, `index.${format}`), make: () => renderIndex(index, format) };
    }
    await writeAllOrNone(io, pages(outDir), undone);
    // The folder is from the command line: a control character in it is shown as an escape, as on every line cmts prints.
    io.stderr.write(`${printable(`cmts render: ${index.length} page(s) and index.${format} written to ${outDir}.`)}\n`);
    return EXIT.ok;
  } catch (e) {
    try {
      reportFailure('render', current, withLimitFlags(inputFailure(e)), io.stderr);
    } finally {
      // Also when the error is a bug (rethrown): the files left behind are still worth knowing.
      for (const line of undoneLines(undone, outDir ?? '')) io.stderr.write(`${printable(`cmts render: ${line}`)}\n`);
    }
    return EXIT.failed;
  }
}

/**
 * The two sides of --compare, each a file: a glob is expanded as every command expands it (on Windows cmts matches
 * globs itself) and must name one file; a folder is a usage error, as diff says it (read as a file, it failed as an
 * input that could not be read, status 1). Each side is expanded apart: `a.xml a.xml` compares a file with itself.
 */
function compareInputs(args: string[], io: CliIo): string[] | number {
  const files: string[] = [];
  for (const arg of args) {
    if (arg !== '-' && io.isDirectory(arg)) return reportUsage('render', `--compare takes two files: ${arg} is a folder (to document a folder, leave out --compare and give --out-dir).`, io);
    const found = inputsOrFail('render', [arg], io);
    if (typeof found === 'number') return found;
    if (found.length !== 1) return reportUsage('render', `--compare takes one file a side: ${arg} matches ${found.length} files.`, io);
    files.push(found[0] as string);
  }
  return files;
}

/** Writes one page to `output`, or to standard output without one (or with `-`). */
function writePage(page: string, output: string | undefined, io: CliIo): number {
  if (output === undefined || output === '-') io.stdout.write(page);
  else io.writeFileAtomic(output, Buffer.from(page, 'utf8'));
  return EXIT.ok;
}
