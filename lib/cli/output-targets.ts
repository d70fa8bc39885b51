/**
 * Where each input's result goes, decided and checked before anything is read or written, the same way for every
 * command: `-o <file>` (one input; `-` is standard output), `--out-dir <folder>` (created if missing, each result
 * under its input's name), `--in-place` (the input itself). No result ever lands on an input unless `--in-place`
 * says so, `-o` never creates folders, and two inputs never share a target.
 */
import { basename, dirname, join } from 'node:path';
import { UsageError } from './args.js';
import type { CliIo } from './io.js';

/** What the command line said about outputs. */
export interface TargetRequest {
  output?: string | undefined;
  outDir?: string | undefined;
  inPlace?: boolean | undefined;
  /** The file name a result gets in `--out-dir` (default: the input's own name). */
  nameFor?: (input: string) => string;
}

/** Where a result goes: a file path, `-` for standard output, or undefined when the command prints it. */
export type TargetOf = (input: string) => string | undefined;

/**
 * Checks a request against the inputs and returns where each result goes; throws {@link UsageError} for a target
 * that is an input (without `--in-place`), `-o` into a missing folder or onto a folder, `--out-dir` naming a file,
 * `--in-place` on standard input, or two inputs with one target. Creates `--out-dir` when it does not exist.
 */
export function planTargets(inputs: string[], request: TargetRequest, io: CliIo): TargetOf {
  const { output, outDir, inPlace } = request;
  const given = [output !== undefined, outDir !== undefined, inPlace === true].filter(Boolean).length;
  if (given > 1) throw new UsageError('Give one of -o <output>, --out-dir <folder> or --in-place.');
  if (output !== undefined && output !== '-' && inputs.length > 1) throw new UsageError(`-o names one file; for ${inputs.length} inputs use --out-dir <folder>${inPlace === undefined ? '' : ' or --in-place'}.`);
  if (inPlace && inputs.includes('-')) throw new UsageError('--in-place cannot write back to standard input; use -o <file> or -o -.');
  if (outDir !== undefined && inputs.includes('-')) throw new UsageError('--out-dir names results after their inputs; standard input (-) has no name: use -o <file>.');
  const nameFor = request.nameFor ?? ((input: string) => basename(input));
  const targetOf: TargetOf = (input) => (inPlace ? input : outDir !== undefined ? join(outDir, nameFor(input)) : output);
  if (output !== undefined && output !== '-') {
    const kind = io.kindOf(output);
    if (kind === 'dir') throw new UsageError(`-o ${output} is a folder; give a file name, or use --out-dir ${output}.`);
    const folder = dirname(output);
    if (io.kindOf(folder) !== 'dir') throw new UsageError(`-o ${output}: the folder ${folder} does not exist (cmts does not create it).`);
  }
  if (outDir !== undefined) {
    const kind = io.kindOf(outDir);
    if (kind === 'file' || kind === 'other') throw new UsageError(`--out-dir ${outDir} is a file, not a folder.`);
  }
  if (!inPlace) {
    const real = new Map(inputs.filter((i) => i !== '-').map((i) => [io.realPath(i), i]));
    const seen = new Map<string, string>();
    for (const input of inputs) {
      const t = targetOf(input);
      if (t === undefined || t === '-') continue;
      const rt = io.realPath(t);
      const victim = real.get(rt);
      if (victim !== undefined) throw new UsageError(`${t} is the input ${victim}: ${inPlace === undefined ? 'this command never writes over an input' : 'cmts overwrites an input only with --in-place'}.`);
      const other = seen.get(rt);
      if (other !== undefined && other !== input) throw new UsageError(`${other} and ${input} would both be written to ${t}.`);
      seen.set(rt, input);
    }
  }
  if (outDir !== undefined && io.kindOf(outDir) === 'missing') io.makeDir(outDir);
  return targetOf;
}
