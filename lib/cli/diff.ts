/**
 * `cmts diff <a> <b>`: what changed between two task sequences, or between same-named files of two folders.
 */
import { basename, join } from 'node:path';
import { TaskSequenceError } from '../errors.js';
import { type DiffEntry, diffTaskSequences, formatDiffEntry } from '../diff/semantic-diff.js';
import { loadOne } from './load.js';
import { flag, type OptionSpecs, startCommand, UsageError } from './args.js';
import { expandInputs } from './inputs.js';
import type { CliIo } from './io.js';

/** The command's --help text. */
export const HELP = `Usage: cmts diff <a> <b> [--json]

Compares two task sequences (any containers and encodings) by meaning, blind to formatting: steps and groups
added, removed, moved and changed (attributes, command line, variables, conditions), and package properties,
sequence attributes, global variables and references. With two folders, compares their same-named files.

Options:
      --json     print the differences as JSON (schemas/diff.report.schema.json)
  -h, --help     show this help

Exit status (as diff(1)): 0 no differences, 1 differences, 2 trouble (usage error or an unreadable input).
`;

const OPTIONS: OptionSpecs = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

/** Runs `cmts diff`. */
export function run(argv: string[], io: CliIo): number {
  const p = startCommand(
    {
      name: 'diff',
      help: HELP,
      options: OPTIONS,
      check: (q) => {
        if (q.positionals.length !== 2) throw new UsageError('Give two files (or two folders) to compare.');
      },
    },
    argv,
    io,
  );
  if (typeof p === 'number') return p;
  const [a, b] = p.positionals as [string, string];
  let pairs: [string, string][];
  const folders = io.isDirectory(a) && io.isDirectory(b);
  try {
    if (folders) {
      const left = new Map(expandInputs([a], io).map((f) => [basename(f), f]));
      const right = new Map(expandInputs([b], io).map((f) => [basename(f), f]));
      pairs = [...new Set([...left.keys(), ...right.keys()])].sort().map((n) => [left.get(n) ?? join(a, n), right.get(n) ?? join(b, n)]);
    } else pairs = [[a, b]];
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    io.stderr.write(`cmts diff: ${e.format()}\n`);
    return 2;
  }
  const results: { a: string; b: string; differences: DiffEntry[] }[] = [];
  let trouble = false;
  for (const [fa, fb] of pairs) {
    try {
      const differences = diffTaskSequences(loadOne(io, fa).doc, loadOne(io, fb).doc);
      results.push({ a: fa, b: fb, differences });
      if (!flag(p, 'json') && differences.length) io.stdout.write(`--- ${fa}\n+++ ${fb}\n${differences.map(formatDiffEntry).join('\n')}\n`);
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      trouble = true;
      io.stderr.write(`cmts diff: ${e.format()}\n`);
    }
  }
  if (flag(p, 'json')) io.stdout.write(`${JSON.stringify(!folders && results.length === 1 ? results[0] : { comparisons: results }, null, 2)}\n`);
  if (trouble) return 2;
  return results.some((r) => r.differences.length) ? 1 : 0;
}
