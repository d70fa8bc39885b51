/**
 * `cmts lint`: rule findings with ids, severities and places; the exit status follows the worst severity.
 */
import { type Issue, TaskSequenceError } from '../errors.js';
import { lint, LINT_RULES } from '../lint/index.js';
import { loadDocuments } from './load.js';
import { flag, type OptionSpecs, startCommand } from './args.js';
import { inputsOrFail } from './inputs.js';
import type { CliIo } from './io.js';
import { EXIT } from './exit.js';

/** The command's --help text. */
export const HELP = `Usage: cmts lint <input>... [--json] [--strict]

Checks task sequences against these rules:
${LINT_RULES.map((r) => `  ${r.id.padEnd(30)} ${r.severity.padEnd(8)}${r.requirement ? `[${r.requirement}] ` : ''}${r.description}`).join('\n')}

[R…] names a KB977203 requirement, described in docs/kb977203-requirements.md (in the package).

Options:
  <input>...     files, folders or globs
      --json     print the findings as JSON (schemas/lint.report.schema.json)
      --strict   warnings fail too
  -h, --help     show this help

Exit status: 0 no errors (warnings allowed unless --strict), 1 errors found (or a file could not be read),
2 usage error.
`;

const OPTIONS: OptionSpecs = { json: { type: 'boolean' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

/** Runs `cmts lint`. */
export function run(argv: string[], io: CliIo): number {
  const p = startCommand({ name: 'lint', help: HELP, options: OPTIONS }, argv, io);
  if (typeof p === 'number') return p;
  const inputs = inputsOrFail('lint', p.positionals, io);
  if (typeof inputs === 'number') return inputs;
  const files: ({ file: string; diagnostics: Issue[] } | { file: string; error: ReturnType<TaskSequenceError['toJSON']> })[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of inputs) {
    try {
      for (const { label, doc } of loadDocuments(io, file)) {
        const diagnostics = lint(doc);
        files.push({ file: label, diagnostics });
        for (const d of diagnostics) {
          if (d.severity === 'error') errors++;
          else if (d.severity === 'warning') warnings++;
          if (!flag(p, 'json')) io.stdout.write(`${label}:${d.line ?? 0}:${d.col ?? 0}: ${d.severity} ${d.code}${d.requirement ? ` [${d.requirement}]` : ''} ${d.path}: ${d.message}\n`);
        }
      }
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      errors++;
      if (e.file === undefined) e.file = file;
      files.push({ file, error: e.toJSON() });
      io.stderr.write(`cmts lint: ${e.format()}\n`);
    }
  }
  if (flag(p, 'json')) io.stdout.write(`${JSON.stringify({ files, summary: { files: files.length, errors, warnings } }, null, 2)}\n`);
  else io.stderr.write(`${files.length} file(s): ${errors} error(s), ${warnings} warning(s).\n`);
  return errors > 0 || (flag(p, 'strict') && warnings > 0) ? EXIT.failed : EXIT.ok;
}
