/**
 * The KB977203 preset's options of a `cmts kb977203` run: a --config file (validated by the options schema), then the
 * flags over it, each fault said once before any input, as the file's (exit 1) or the command line's (exit 2).
 */
import { assertValidWith } from '../assert-valid.js';
import { TaskSequenceError } from '../errors.js';
import { validate as validateOptions } from '../generated/validate-kb977203-options.js';
import type { Kb977203Options } from '../presets/kb977203.js';
import { resolveKb977203Options } from '../presets/kb977203-options.js';
import { flag, type Parsed, str, UsageError } from './args.js';
import type { CliIo } from './io.js';
import { parseJsonInput } from './json-input.js';
import { asFileKeys, placeInJson } from './json-place.js';
import { withFlagNames } from './kb977203-output.js';
import { optionsText } from './text-input.js';

/** Options from `--config <file.json>` (validated by the options schema), then the flags over them. */
export function loadOptions(p: Parsed, io: CliIo): Kb977203Options {
  const config = str(p, 'config');
  let base: Partial<Kb977203Options> = {};
  let text = '';
  if (config !== undefined) {
    text = optionsText(io, config);
    const parsed: unknown = parseJsonInput(text, config, 'OPTIONS_INVALID');
    // Spread into the flags' object, an array or a number gave nothing, and the error spoke of a missing package.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new TaskSequenceError('OPTIONS_INVALID', `The options in ${config} are ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`}: give a JSON object of options, such as {"certfixPackage": "ABC00010", "drive": "D:"}.`, { file: config });
    }
    base = parsed;
    try {
      // certfixPackage may come from the flags instead, so a placeholder satisfies `required` here; every key the
      // file does give is checked, and the merged options are validated again by the preset.
      assertValidWith(validateOptions, { certfixPackage: 'ABC00000', ...base }, `The options in ${config}`);
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      e.file = config;
      throw placeInJson(e, text);
    }
  }
  const flags = optionsFrom(p);
  // A flag overrides the file, and so does one of a pair that go one without the other: --source on the command
  // line replaces the file's drive (the two together were refused, though the help says the flags override it).
  if (flags.drive !== undefined || flags.source !== undefined) {
    delete base.drive;
    delete base.source;
  }
  refuseFlags(flags);
  const options = { ...base, ...flags } as Kb977203Options;
  if (config !== undefined) {
    // What the file brings is judged with the flags once, before any input: a fault of the file alone is the file's
    // (exit 1), one only the two together have (--client-package naming the file's CCMCertFix package) the command
    // line's (exit 2); either is said once, not once per input.
    try {
      resolveKb977203Options(options);
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      if (fileAloneIsFine(base)) throw new UsageError(`${withFlagNames(e.message)} (with the options in ${config})`);
      // The file's fault, said with the file's key (`"drive"`), not the flag the same option has on the command line
      // (`--drive`), which the file does not say and may not be where the value came from; placed at a key the file
      // gave and no flag replaced.
      throw asFileKeys(e, config, text, (key) => Object.hasOwn(base, key) && options[key as keyof Kb977203Options] === base[key as keyof Kb977203Options]);
    }
  }
  return options;
}

/** Whether the --config file's options pass alone (with a stand-in package when the file names none). */
function fileAloneIsFine(base: Partial<Kb977203Options>): boolean {
  try {
    resolveKb977203Options({ certfixPackage: base.clientPackage === 'ABC00000' ? 'ABC00001' : 'ABC00000', ...base });
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses flags the preset would refuse, as a usage error (exit status 2) before any input: a misspelt --scenario or
 * --drive with --source in a nightly `--check` was exit 1 ("changes needed"), once per input.
 */
function refuseFlags(flags: Partial<Kb977203Options>): void {
  // The package may come from --config: a stand-in then, which no other flag can name.
  const certfixPackage = flags.certfixPackage ?? (flags.clientPackage === 'ABC00000' ? 'ABC00001' : 'ABC00000');
  try {
    resolveKb977203Options({ ...flags, certfixPackage });
  } catch (e) {
    // Said with the flags' names: "--scenario: must be equal to one of …", "Give either --drive … or --source …".
    if (e instanceof TaskSequenceError) throw new UsageError(withFlagNames(e.message.replace(/^KB977203 options are invalid: /, '').replace(/(^|; )(\w+):/g, '$1The $2 option:')));
    throw e;
  }
}

/** The preset's options from the command line (the preset validates them). */
function optionsFrom(p: Parsed): Partial<Kb977203Options> {
  const options: Partial<Kb977203Options> = {};
  if (str(p, 'certfix-package') !== undefined) options.certfixPackage = str(p, 'certfix-package') as string;
  const set = <K extends keyof Kb977203Options>(key: K, flagName: string): void => {
    const v = str(p, flagName);
    if (v !== undefined) options[key] = v as Kb977203Options[K];
  };
  set('certfixProgram', 'certfix-program');
  set('certfixPackageName', 'certfix-package-name');
  set('certfixPackageDescription', 'certfix-package-description');
  set('certfixPackageVersion', 'certfix-package-version');
  set('scenario', 'scenario');
  set('clientVersion', 'client-version');
  set('msp', 'msp');
  set('drive', 'drive');
  set('source', 'source');
  set('clientPackage', 'client-package');
  set('certfixStepName', 'certfix-step-name');
  set('restartStepName', 'restart-step-name');
  if (flag(p, 'force')) options.force = true;
  return options;
}
