/**
 * The words of `cmts kb977203`: its --help, its options and the checks of how they combine (the preset's options they
 * give are kb977203-load-options.ts). Apart from the run, which only asks them.
 */
import { flag, maxItemsOf, type OptionSpecs, type Parsed, shownValue, str, UsageError, readLimitHelp, READ_LIMIT_OPTIONS } from './args.js';

/** The command's --help text. */
export const HELP = `NAME
    cmts kb977203 - wire the KB977203 fix into exported task sequences

SYNOPSIS
    cmts kb977203 <input>... (-o <output> | --out-dir <folder> | --in-place) --certfix-package <ID> [options]
    cmts kb977203 <input>... --dry-run --certfix-package <ID> [options]
    cmts kb977203 <input>... --check --certfix-package <ID> [options]
    cmts kb977203 <input>... --revert (-o <output> | --out-dir <folder> | --in-place) --certfix-package <ID>

DESCRIPTION
    Wires Microsoft's KB977203 fix into an exported task sequence (a bare <sequence>, a ConfigMgr 2007
    <SmsTaskSequencePackage> export or a Current Branch object.xml), written back in the same container and
    encoding:
      - PATCH="<drive>\\_SMSTaskSequence\\OSD\\<client package>\\i386\\hotfix\\KB977203\\<msp>" in each
        Setup Windows and ConfigMgr step's installation properties (R4-R10; left alone if KB977384 is
        listed, R2);
      - Install Software (CCMCertFix) and Restart Computer (installed OS, no notification) right after each
        Setup Windows and ConfigMgr step (R13, R14); the CCMCertFix package in <referenceList> if there is one;
      - "Run another program first" = CCMCertFix, where the container can hold it (R12).
    It reconciles rather than appends: a stale or wrong KB977203 PATCH entry (the other service pack's .msp
    with --client-version, a %_SMSTSMDataPath% path with --drive or --source, another package ID) is replaced
    where it stands; CCMCertFix steps already after Setup are adopted; the new steps run exactly when Setup
    runs (its disable flag and condition carried over, or Setup wrapped in a group when its condition tests
    what Setup changes). Applying it again changes nothing. KB977203 is a ConfigMgr 2007 fix: a Current Branch
    object.xml or export .zip, a sequence version other than 3.00, or steps 2007 does not have are refused
    unless --force.
    An input is a file, a folder (its .xml and .zip files), a glob (*, ?, **; a name that exists is that file)
    or - for standard input; a Current Branch export .zip is patched inside (every
    SMS_TaskSequencePackage/<ID>/object.xml), all its other parts copied byte for byte. With several inputs, one
    that fails does not stop the others, a sequence the KB does not apply to is skipped as "not applicable", and
    a summary table follows. Nothing is written for a file unless its whole run succeeds.
    R1-R15 are described in docs/kb977203-requirements.md (in the package).

OPTIONS
    -o, --output <file>        write the result here, in an existing folder ('-' for standard output); one
                               input only
    --out-dir <folder>         write each result to the folder (created if missing) under its own name
    --in-place                 overwrite each input (atomically); one that another program changed after cmts
                               read it is left as it is now, not written (INPUT_CHANGED, exit 1)
    --config <file.json>       options from a JSON file (schemas/kb977203.options.schema.json keys,
                               e.g. {"certfixPackage": "ABC00010", "drive": "D:"}); flags override it
    --certfix-package <ID>     package holding CCMCertFix.exe (required, here or in --config), e.g. ABC00010
    --certfix-program <p>      its program [default: CCMCertFix]
    --certfix-package-name <n>
    --certfix-package-description <d>
    --certfix-package-version <v>
                               what the package is, for an export .zip's ReferencesInfo.xml when the package
                               is added to it (left empty and warned about when not given)
    --scenario <s>             refresh | new-computer | replace-capture | replace-restore [default: refresh,
                               or replace-capture for a sequence that captures user state and has no Setup
                               step] (replace-capture: only "Run another program first", R15, on a sequence
                               that captures user state and restores none)
    --client-version <v>       sp1 | sp2: picks the .msp [default: sp2]
    --msp <file>               the .msp name when it differs by locale (R10); one naming another KB is refused
    --drive <X:>               drive of the _SMSTaskSequence cache (R7) [default: C:]
    --source <UNC>             UNC path to the client installation files, instead of the cache (R9)
    --client-package <ID>      client installation package, for Setup steps that name none (R5)
    --certfix-step-name <n>    name of the inserted Install Software step (up to 100; over 50 warned)
    --restart-step-name <n>    name of the inserted Restart Computer step
    --force                    apply where cmts would refuse: a different "Run another program first" (the
                               steps running it are rewired), a sequence that is not ConfigMgr 2007, a step
                               that installs the hotfix (R1), replace-capture on a sequence that restores
                               user state; the report warns loudly
    --check                    write nothing; exit 0 when everything is in place, 1 when changes are needed
                               (listed on standard error), for a nightly job over exported sequences
    --revert                   remove what the preset adds (its PATCH entry, its steps, DependentProgram, the
                               reference); on a file it wrote from one without PATCH, gives back the original
    --report <out.csv|out.json>
                               one row per task sequence: file, name, package ID, container, status (changed /
                               already in place / not applicable / failed), what changed, the reason
    --dry-run                  write nothing; print the change as a diff on standard output
    --html <file>              also write the change as an HTML review page, even with --dry-run (one input
                               holding one task sequence; the page is cmts render's comparison), written before
                               the result: a page that cannot be made or written leaves every file as it was
    --max-items <n>            with --html: refuse a page for over n steps and groups (default 200000)
    --json                     print {"results": [{"input", "output", "dryRun", "written", "report", "diff"?} |
                               {"input", "notApplicable"} | {"input", "error"}], "summary"} on standard output
                               (schemas/kb977203.report.schema.json), errors and usage errors included
    -j, --jobs <n>             threads for a batch of 40 MiB of input or more, at most one per core (two on one
                               core); the output is the same for any n [default: the number of cores]
${readLimitHelp('    ', 31)}
    -h, --help                 show this help

EXAMPLES
    cmts kb977203 ts.xml -o ts.patched.xml --certfix-package ABC00010 --client-version sp2 --drive C:
    cmts kb977203 ts.xml --dry-run --certfix-package ABC00010
    cmts kb977203 exports/ --out-dir patched/ --certfix-package ABC00010 --report fleet.csv
    cmts kb977203 exports/ --check --certfix-package ABC00010 --client-version sp2 --drive C: --json
    cmts kb977203 ts.patched.xml --revert -o ts.reverted.xml --certfix-package ABC00010

EXIT STATUS
    0 success (also when everything was already in place; with --check, only then); 1 bad input, a refused
    --config file, a refused sequence (an error finding such as R1, or not ConfigMgr 2007, without --force), or
    with --check changes needed (with several inputs: if any failed; a sequence the KB does not apply to is not a
    failure); 2 usage error (a flag the preset refuses, such as a misspelt --scenario or --drive with --source,
    and an output that would overwrite an input without --in-place), or a folder that cannot be listed.
`;

/** The command's options, as the command line parser takes them. */
export const OPTIONS: OptionSpecs = {
  output: { type: 'string', short: 'o' },
  'in-place': { type: 'boolean' },
  'out-dir': { type: 'string' },
  config: { type: 'string' },
  'certfix-package': { type: 'string' },
  'certfix-program': { type: 'string' },
  'certfix-package-name': { type: 'string' },
  'certfix-package-description': { type: 'string' },
  'certfix-package-version': { type: 'string' },
  scenario: { type: 'string' },
  'client-version': { type: 'string' },
  msp: { type: 'string' },
  drive: { type: 'string' },
  source: { type: 'string' },
  'client-package': { type: 'string' },
  'certfix-step-name': { type: 'string' },
  'restart-step-name': { type: 'string' },
  force: { type: 'boolean' },
  check: { type: 'boolean' },
  revert: { type: 'boolean' },
  report: { type: 'string' },
  'dry-run': { type: 'boolean' },
  html: { type: 'string' },
  'max-items': { type: 'string' },
  json: { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  ...READ_LIMIT_OPTIONS, help: { type: 'boolean', short: 'h' },
};

/** Refuses a command line whose options do not go together (a usage error, exit status 2). */
export function checkUsage(p: Parsed): void {
  if (p.positionals.length === 0) throw new UsageError('Give the input file(s).');
  if (str(p, 'certfix-package') === undefined && str(p, 'config') === undefined) throw new UsageError('--certfix-package is required: the package that holds CCMCertFix.exe (R11).');
  // Standard input is read once: the second reader failed as the input's INVALID_ARGUMENT (status 1) after the first.
  if (str(p, 'config') === '-' && p.positionals.includes('-')) throw new UsageError('--config - and the input - both name standard input, which is read once: give one of them as a file.');
  const targets = [str(p, 'output') !== undefined, flag(p, 'in-place'), str(p, 'out-dir') !== undefined].filter(Boolean).length;
  if (flag(p, 'check') && flag(p, 'revert')) throw new UsageError('Give --check or --revert, not both.');
  // A check edits nothing, so it has no diff to show: together they printed "would change" over an empty diff.
  if (flag(p, 'check') && flag(p, 'dry-run')) throw new UsageError('Give --check or --dry-run, not both: --check reports what is missing and exits 1 if anything is; --dry-run shows the diff of what the preset (or --revert) would change.');
  if (flag(p, 'check') && targets > 0) throw new UsageError('--check writes nothing: leave out -o, --out-dir and --in-place.');
  if (flag(p, 'dry-run') && targets > 0) throw new UsageError('--dry-run writes nothing: leave out -o, --out-dir and --in-place.');
  if (targets > 1) throw new UsageError('Give one of -o <output>, --out-dir <folder> or --in-place.');
  if (targets === 0 && !flag(p, 'dry-run') && !flag(p, 'check')) throw new UsageError('Give -o <output>, --out-dir <folder> or --in-place (or --dry-run or --check to write nothing).');
  const jobs = str(p, 'jobs');
  if (jobs !== undefined && !/^[1-9][0-9]{0,3}$/.test(jobs)) throw new UsageError(`--jobs takes a whole number from 1 to 9999, not ${shownValue(jobs, '"')}.`);
  if (maxItemsOf(p) !== undefined && str(p, 'html') === undefined) throw new UsageError('--max-items means something only with --html.');
  const report = str(p, 'report');
  if (report !== undefined && !/\.(csv|json)$/i.test(report)) throw new UsageError('--report writes a .csv or a .json file: give a name ending in one of them.');
}
