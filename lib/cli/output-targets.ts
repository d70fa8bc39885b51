/**
 * Where each input's result goes, decided and checked before anything is read or written, the same way for every
 * command: `-o <file>` (one input; `-` is standard output, which `--json` keeps for its report), `--out-dir <folder>` (created if missing, each result
 * under its input's name), `--in-place` (the input itself). No result ever lands on an input unless `--in-place`
 * says so, `-o` never creates folders, and two inputs never share a target.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { TaskSequenceError } from '../errors.js';
import { caseKey } from '../zip/entry-names.js';
import { UsageError } from './args.js';
import { type CliIo, removeEmptyFoldersMade } from './io.js';

/** What the command line said about outputs. */
export interface TargetRequest {
  output?: string | undefined;
  outDir?: string | undefined;
  inPlace?: boolean | undefined;
  /** The file name a result gets in `--out-dir` (default: the input's own name). */
  nameFor?: (input: string) => string;
  /** Whether the command has `--out-dir` to suggest (`build` writes one result: it has not); default true. */
  hasOutDir?: boolean;
  /**
   * Files the run writes besides its results (`--report`, `--html`, an index page), with the option that names each:
   * none may be an input (even with `--in-place`), a result's target, or another of them.
   */
  alsoWritten?: readonly { option: string; path: string }[];
  /**
   * Files the run reads besides its inputs (`--options`, `--config`), with the option that names each: no result nor
   * file written besides the results may be one of them (`-o ref.json --options ref.json` wrote the result over the
   * options file, though cmts never writes over what it reads unless `--in-place` says so).
   */
  alsoRead?: readonly { option: string; path: string }[];
  /** `--json` was given: standard output holds the report, so no result may go there (`-o -`). */
  json?: boolean | undefined;
}

/**
 * A name of one of the process's own open files: `/dev/stdout`, `/dev/stderr`, `/dev/stdin`, `/dev/fd/<n>`,
 * `/proc/self/fd/<n>` (and `/proc/<pid>/fd/<n>`), however spelled (`/dev/./stdout`, a relative path to it).
 */
const DESCRIPTOR_NAME = /^\/(?:dev\/(?:stdin|stdout|stderr|fd\/(\d+))|proc\/(?:self|thread-self|\d+)\/fd\/(\d+))$/;

/**
 * Throws {@link UsageError} when `path` (named `label` in the message: `-o /dev/stdout`) is a name of an open
 * descriptor of the process (see {@link DESCRIPTOR_NAME}). A file is written as a new file renamed over it: on a pipe
 * `/dev/stdout` led nowhere (a puzzling "no such file or folder", found only once the input was done), and when
 * standard output is a file it names that file, which the rename replaced whole: what `>>` had appended to it was
 * gone, and a `--json` report, written to the replaced file, lost. Standard output has its own name, `-`; a device or
 * a pipe under any other name fails its write, which changes nothing (`it is not a regular file`).
 */
function checkNotDescriptor(label: string, path: string, hint: string): void {
  const m = process.platform === 'win32' ? null : DESCRIPTOR_NAME.exec(resolve(path));
  if (!m) return;
  const fd = m[0].endsWith('/stdin') ? '0' : m[0].endsWith('/stdout') ? '1' : m[0].endsWith('/stderr') ? '2' : (m[1] ?? m[2]);
  const what = fd === '0' ? 'standard input' : fd === '1' ? 'standard output' : fd === '2' ? 'standard error' : `file descriptor ${fd ?? ''}`;
  throw new UsageError(`${label} names ${what}, which cmts cannot write as a file: ${hint}.`);
}

/** Whether a path ends with a folder separator (`out/`, or `out\` on Windows), as only a folder's name can. */
function endsWithSeparator(path: string): boolean {
  return path.endsWith('/') || (process.platform === 'win32' && path.endsWith('\\'));
}

/**
 * Throws {@link UsageError} when `target` (not there yet, `real` its real path) and another such target in `missing`
 * differ in letter case alone: where names ignore case (Windows, macOS) they are one file, and the second result
 * replaced the first (`a/TS.xml b/ts.xml --out-dir out`: both reported written, one of them lost). Which a folder
 * does cannot be told from a file that is not there yet, so they are refused everywhere. A target that exists is told
 * apart by its real path, which names it as the folder spells it.
 */
function sameButCase(missing: Map<string, { target: string; input: string }>, real: string, target: string, input: string): void {
  // As Windows compares names (caseKey), not toLowerCase: ΟΔΟΣ lowers to οδος, which οδοσ differs from.
  const key = caseKey(real);
  const other = missing.get(key);
  if (other !== undefined && other.input !== input) {
    throw new UsageError(`${other.input} and ${input} would be written to ${other.target} and ${target}, names that differ only in letter case: one file where names ignore case (Windows, macOS).`);
  }
  missing.set(key, { target, input });
}

/** Where a result goes: a file path, `-` for standard output, or undefined when the command prints it. */
export type TargetOf = (input: string) => string | undefined;

/**
 * Checks a request against the inputs and returns where each result goes; throws {@link UsageError} for an empty
 * name, `-o` (`-` too) with more than one input, `-o -` with `--json`, a target that is an input (without
 * `--in-place`), `-o` into a missing folder or onto a folder (an existing one, or any name ending with a slash), a
 * name of an open descriptor (`-o /dev/stdout`: see {@link checkNotDescriptor}), `--out-dir` naming a file,
 * `--in-place` on standard input, two inputs with one target, a target that is a file the run reads besides its
 * inputs ({@link TargetRequest.alsoRead}), or a file written besides the results ({@link TargetRequest.alsoWritten})
 * that is a folder or such a name, in a missing folder (other than `--out-dir`), an input, a file the run reads, a
 * target or another such file. An `--out-dir` that does not exist is made at the first write through `io` (tried
 * here, so that one that cannot be made is a usage error before any input is read). With `--in-place`, `io` is told
 * the inputs it will replace ({@link CliIo.replacing}), so call this before reading them.
 */
export function planTargets(inputs: string[], request: TargetRequest, io: CliIo): TargetOf {
  const { output, outDir, inPlace } = request;
  const given = [output !== undefined, outDir !== undefined, inPlace === true].filter(Boolean).length;
  // Only the options the command has: convert has no --in-place.
  if (given > 1) throw new UsageError(inPlace === undefined ? 'Give -o <output> or --out-dir <folder>, not both.' : 'Give one of -o <output>, --out-dir <folder> or --in-place.');
  if (output === '' || outDir === '') throw new UsageError(output === '' ? '-o needs a name: "" names no file.' : '--out-dir needs a name: "" names no folder.');
  if (output !== undefined && inputs.length > 1) {
    throw new UsageError(`-o ${output === '-' ? '- writes one result' : 'names one file'}; for ${inputs.length} inputs use --out-dir <folder>${inPlace === undefined ? '' : ' or --in-place'}.`);
  }
  if (request.json && output === '-') throw new UsageError('--json prints the report on standard output, which cannot also hold the result: give -o <file>, or leave out --json.');
  if (inPlace && inputs.includes('-')) throw new UsageError('--in-place cannot write back to standard input; use -o <file> or -o -.');
  // `/dev/stdin` too: its rename landed on whatever file the shell had opened as standard input (`< ts.xml`).
  if (inPlace) for (const input of inputs) checkNotDescriptor(`--in-place ${input}`, input, 'use -o <file> or -o -');
  if (outDir !== undefined && inputs.includes('-')) throw new UsageError('--out-dir names results after their inputs; standard input (-) has no name: use -o <file>.');
  const nameFor = request.nameFor ?? ((input: string) => basename(input));
  const targetOf: TargetOf = (input) => (inPlace ? input : outDir !== undefined ? join(outDir, nameFor(input)) : output);
  if (output !== undefined && output !== '-') {
    const kind = io.kindOf(output);
    const orOutDir = request.hasOutDir === false ? '' : `, or use --out-dir ${output}`;
    if (kind === 'dir') throw new UsageError(`-o ${output} is a folder; give a file name${orOutDir}.`);
    // `-o out/` when out/ does not exist: it names a folder all the same, which the write found out only once the
    // input was done, saying "a part of the path is a file, not a folder".
    if (endsWithSeparator(output)) throw new UsageError(`-o ${output} names a folder (it ends with a slash); give a file name${orOutDir}.`);
    // Under --json, -o - is refused too (standard output holds the report): the way out is a file.
    checkNotDescriptor(`-o ${output}`, output, request.json ? 'give -o <file> (with --json, standard output holds the report)' : 'give -o - for standard output');
    const folder = dirname(output);
    if (io.kindOf(folder) !== 'dir') throw new UsageError(`-o ${output}: ${missingFolder(folder, io)}.`);
  }
  if (outDir !== undefined) {
    const kind = io.kindOf(outDir);
    if (kind === 'file' || kind === 'other') throw new UsageError(`--out-dir ${outDir} is a file, not a folder.`);
  }
  const real = new Map(inputs.filter((i) => i !== '-').map((i) => [io.realPath(i), i]));
  // Standard input that is a regular file (`< ts.xml`) is an input too, with no path to compare: its file is compared.
  const stdinFile = inputs.includes('-') ? io.fileId?.('-') : undefined;
  const isStdin = (path: string): boolean => stdinFile !== undefined && io.fileId?.(path) === stdinFile;
  const read = new Map((request.alsoRead ?? []).filter(({ path }) => path !== '-' && path !== '').map(({ option, path }) => [io.realPath(path), `${option} ${path}`]));
  // A hard link to an input is the input under another name: its real path is its own, its file is the input's. The
  // inputs' files are looked up only once a target that exists asks (most targets are new files).
  let files: Map<string, string> | undefined;
  const linkedInput = (path: string): string | undefined => {
    // No file there, no id: a new target asks nothing more (the inputs' files are looked up once one exists).
    const id = io.fileId?.(path);
    if (id === undefined) return undefined;
    files ??= new Map([...real.values()].flatMap((input) => {
      const of = io.fileId?.(input);
      return of === undefined ? [] : [[of, input] as const];
    }));
    const input = files.get(id);
    return input === undefined ? undefined : `${input} under another name (a hard link to it)`;
  };
  // Where each result goes (by real path): with --in-place, its input.
  const seen = new Map<string, string>();
  if (inPlace) for (const [path, input] of real) seen.set(path, input);
  else {
    // Targets not there yet, by their real path with case ignored (caseKey), with the target and its input: see sameButCase.
    const missing = new Map<string, { target: string; input: string }>();
    for (const input of inputs) {
      const t = targetOf(input);
      if (t === undefined || t === '-') continue;
      const rt = io.realPath(t);
      if (isStdin(t)) throw new UsageError(`${t} is the file standard input reads (- < ${t}): cmts never writes a result over its input; give -o another name.`);
      const victim = real.get(rt) ?? linkedInput(t);
      if (victim !== undefined) throw new UsageError(`${t} is the input ${victim}: ${inPlace === undefined ? 'this command never writes over an input' : 'cmts overwrites an input only with --in-place'}.`);
      const file = read.get(rt);
      if (file !== undefined) throw new UsageError(`${t} is the file of ${file}, which this run reads: cmts never writes a result over it.`);
      const other = seen.get(rt);
      if (other !== undefined && other !== input) throw new UsageError(`${other} and ${input} would both be written to ${t}.`);
      seen.set(rt, input);
      if (io.kindOf(t) === 'missing') sameButCase(missing, rt, t, input);
    }
  }
  const others = new Map<string, string>();
  for (const { option, path } of request.alsoWritten ?? []) {
    if (path === '-') continue;
    // As for -o, and for the same reason: a file that cannot be written there would be found out only once every
    // result had been written (--report comes last). Its folder is --out-dir's (made below) or one that exists.
    if (path === '') throw new UsageError(`${option} needs a name: "" names no file.`);
    if (io.kindOf(path) === 'dir') throw new UsageError(`${option} ${path} is a folder; give a file name.`);
    if (endsWithSeparator(path)) throw new UsageError(`${option} ${path} names a folder (it ends with a slash); give a file name.`);
    checkNotDescriptor(`${option} ${path}`, path, 'give a file name');
    const folder = dirname(path);
    const inOutDir = outDir !== undefined && io.realPath(folder) === io.realPath(outDir);
    if (!inOutDir && io.kindOf(folder) !== 'dir') throw new UsageError(`${option} ${path}: ${missingFolder(folder, io)}.`);
    const rp = io.realPath(path);
    const victim = real.get(rp) ?? linkedInput(path) ?? (isStdin(path) ? '- (the file standard input reads)' : undefined);
    if (victim !== undefined) throw new UsageError(`${option} ${path} is the input ${victim}: cmts never writes a ${option} file over an input.`);
    const file = read.get(rp);
    if (file !== undefined) throw new UsageError(`${option} ${path} is the file of ${file}, which this run reads: cmts never writes a ${option} file over it.`);
    const result = seen.get(rp);
    if (result !== undefined) throw new UsageError(`${option} ${path} is where the result of ${result} is written: give it a name of its own.`);
    const other = others.get(rp);
    if (other !== undefined) throw new UsageError(`${option} and ${other} both name ${path}: give each a file of its own.`);
    others.set(rp, option);
  }
  // Their reads are stamped from now on, and their writes checked against the stamps (see file-stamp.ts).
  if (inPlace) io.replacing?.(inputs);
  if (outDir !== undefined && io.kindOf(outDir) === 'missing') {
    try {
      io.makeDir(outDir);
    } catch (e) {
      // No result could be written: trouble with the command line's folder, like one that cannot be listed.
      if (e instanceof TaskSequenceError) throw new UsageError(`--out-dir ${outDir}: ${e.message}`);
      throw e;
    }
    makeAtFirstWrite(outDir, io);
  }
  return targetOf;
}

/**
 * Takes back the folder `outDir` just made (known now to be one that can be made: a folder that cannot is a usage
 * error before any input is read) and makes it again at the first write through `io`. Made here and kept, it was on
 * disk while the inputs were read, before the run handles signals (it does once it writes: see write-signals.ts), so a
 * Ctrl-C then, which ends the run at once, left it there empty. The stop handlers are not installed earlier instead:
 * a read blocked on a pipe or a terminal holds the thread they run on, and Ctrl-C would no longer end the run.
 */
function makeAtFirstWrite(outDir: string, io: CliIo): void {
  // Only the folders this process made and that are still empty (the real file system's: another io keeps its own).
  removeEmptyFoldersMade();
  if (pending.has(io)) return;
  const write = io.writeFileAtomic.bind(io);
  const made: CliIo['writeFileAtomic'] = (path, bytes) => {
    if (io.kindOf(outDir) === 'missing') io.makeDir(outDir);
    // Once made, writes go straight on (the folder removed by someone else meanwhile is theirs to answer for).
    if (io.writeFileAtomic === made) io.writeFileAtomic = write;
    pending.delete(io);
    write(path, bytes);
  };
  pending.add(io);
  io.writeFileAtomic = made;
}

/** The ios whose writes make an `--out-dir` first: one is not wrapped twice (render plans each compared input). */
const pending = new WeakSet<CliIo>();

/** Why `folder`, which is no folder, cannot hold a file: it does not exist, or it is a file (as --out-dir says). */
function missingFolder(folder: string, io: CliIo): string {
  return io.kindOf(folder) === 'file' ? `${folder} is a file, not a folder` : `the folder ${folder} does not exist (cmts does not create it)`;
}
