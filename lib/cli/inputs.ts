/**
 * Input arguments to files: a file as is, a directory as the task sequence files in it, a glob (`*`, `?`, `**`)
 * matched against the directories it names (input files only), `-` standard input. Shared by every command that takes several files.
 */
import * as nodePath from 'node:path';
import { basename, posix } from 'node:path';
import { TaskSequenceError } from '../errors.js';
import { UsageError } from './args.js';
import { reportUsage } from './start-command.js';
import { isTempName } from './temp-names.js';
import type { CliIo } from './io.js';
import { printErrorJson } from './json-report.js';
import { compareNames } from '../name-order.js';

/** File endings a directory is searched for. */
export const INPUT_EXTENSIONS = ['.xml', '.zip'];

function hasGlob(s: string): boolean {
  return /[*?]/.test(s);
}

/** The system's way with paths (`node:path`), or another's (`posix`, `win32`) for a test. */
export type PathFlavour = typeof posix;

/**
 * A glob spelled as a listing spells its paths (path.join's way, with `/`): `./*.xml`, PowerShell's `.\exports\*.xml`,
 * `a//*.xml` and `a/../a/*.xml` are matched against `exports/ts.xml`, never `./exports/ts.xml`. On Windows a UNC path
 * keeps its two leading slashes (`\\server\share\exports\*.xml`): made one, it named a folder on the current drive.
 */
function spellGlob(arg: string, path: PathFlavour): string {
  const unc = path.sep === '\\' && /^[\\/]{2}[^\\/]/.test(arg);
  return `${unc ? '/' : ''}${posix.normalize(arg.replace(/\\/g, '/'))}`;
}

/** A glob as a regular expression; on Windows letter case is ignored, as the system ignores it in names. */
function globToRegExp(pattern: string, path: PathFlavour): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      // `**/` is any number of whole folders, none too: `**/ts.xml` is ts.xml in any folder, never old-ts.xml.
      if (pattern[i + 1] === '/') {
        re += '(?:.*/)?';
        i++;
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, path.sep === '\\' ? 'i' : '');
}

/** A folder being listed, and the folders it is in (by real path), to tell a folder met again inside itself. */
interface Within {
  real: string;
  up: Within | undefined;
}

/**
 * The files under a folder (with their folder prefix), sorted by name; with `recursive`, in subfolders too, each in
 * the place of its folder; without, its subfolders go to `passed`. A folder met inside itself (a link to it or to a folder above it) is not entered: its
 * files are listed already, and a loop of links was followed until the path was too long for the system (ELOOP),
 * which failed the whole run.
 */
export function walk(io: CliIo, dir: string, recursive: boolean, path: PathFlavour = nodePath, passed?: string[]): string[] {
  const out: string[] = [];
  // Entries still to take, last first, so that they come off in the order a recursive walk would give them.
  const stack: { path: string; dir: boolean; within: Within | undefined }[] = [];
  const list = (folder: string, within: Within | undefined): void => {
    const entries = io.listDir(folder).sort((a, b) => compareNames(a.name, b.name));
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i] as { name: string; dir: boolean };
      stack.push({ path: folder === '.' ? e.name : path.join(folder, e.name).replace(/\\/g, '/'), dir: e.dir, within });
    }
  };
  list(dir, recursive ? { real: io.realPath(dir), up: undefined } : undefined);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (!top.dir) out.push(top.path);
    else if (!recursive) passed?.push(top.path);
    else {
      const real = io.realPath(top.path);
      let loop = false;
      for (let w = top.within; w !== undefined && !loop; w = w.up) loop = w.real === real;
      if (!loop) list(top.path, { real, up: top.within });
    }
  }
  return out;
}

/**
 * The files the arguments name, in order, each once (by the file it is: two names of one file are one input, under
 * the first name given; `-` is a name of the file standard input reads, when it is a regular file): `-` (standard input) as is, a file as is, a folder as its files
 * ending in one of `extensions`, a glob (a name with `*` or `?` that names nothing there) as the files it matches. A
 * folder or glob that yields nothing, or a name that is one of cmts's temporary files, is a {@link UsageError}. `path` is the system's way with paths (another's
 * in a test).
 */
export function expandInputs(args: string[], io: CliIo, extensions: readonly string[] = INPUT_EXTENSIONS, path: PathFlavour = nodePath, command?: string): string[] {
  const files: string[] = [];
  const wanted = (f: string) => extensions.some((x) => f.toLowerCase().endsWith(x));
  const looked = extensions.map((x) => `*${x}`).join(', ');
  for (const arg of args) {
    if (arg === '-') files.push(arg);
    // '' names no file (a script's empty variable): said as the usage error it is, not "Cannot read : no such file".
    else if (arg === '') throw new UsageError('"" names no input file (an empty argument: a variable with nothing in it?).');
    // A name that is there is that file or folder, `*` and `?` and all (`ts?.xml`, which Linux allows): taken as a
    // glob, it matched `ts1.xml` too, and `--in-place` rewrote a file no one named.
    else if (hasGlob(arg) && io.kindOf(arg) === 'missing') {
      const norm = spellGlob(arg, path);
      const firstGlob = norm.search(/[*?]/);
      const base = norm.lastIndexOf('/', firstGlob) === -1 ? '.' : norm.slice(0, norm.lastIndexOf('/', firstGlob)) || '/';
      if (!io.isDirectory(base)) throw new UsageError(`${arg}: the folder ${base} does not exist.`);
      const re = globToRegExp(norm, path);
      const matched = walk(io, base, norm.includes('**') || norm.slice(firstGlob).includes('/'), path).filter((f) => re.test(f) && wanted(f));
      if (matched.length === 0) throw new UsageError(`${arg} matches no input file (looked for ${looked}).`);
      for (const f of matched) files.push(f);
    } else if (io.isDirectory(arg)) {
      const subfolders: string[] = [];
      const found = walk(io, arg.replace(/[\\/]+$/, '') || '/', false, path, subfolders).filter(wanted);
      const passed = subfolders.filter((f) => !basename(f).startsWith('.'));
      if (found.length === 0) throw new UsageError(`The folder ${arg} has no input file (looked for ${looked})${passed.length > 0 ? `; it has ${subfoldersNotRead(arg, passed, extensions)}` : ''}.`);
      if (passed.length > 0 && command !== undefined) io.stderr.write(`cmts ${command}: note: the folder ${arg} has ${subfoldersNotRead(arg, passed, extensions)}.\n`);
      // One push a file, not push(...found): spread as arguments, a folder of 130,000 files overflowed the call stack.
      for (const f of found) files.push(f);
    } else if (isTempName(basename(arg))) throw new UsageError(`${arg} is a temporary file a cmts run left behind, not an input.`);
    else files.push(arg);
  }
  // Each file once, however it is named: `ts.xml ./ts.xml`, `dir/../ts.xml`, a symlink to it, a folder and a glob
  // that both list it. Named twice, it was read and processed twice: two results for one file, two records in --json,
  // and with --in-place two writes of it. The first name given is the one kept. Standard input that is a regular file
  // is one of its names too (`- ts.xml < ts.xml`: read twice, it gave two results), told by the file it is (device and
  // file number; it has no path): whichever of `-` and the name comes first is kept. A pipe is an input of its own.
  const stdinFile = files.includes('-') ? io.fileId?.('-') : undefined;
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = f === '-' || (stdinFile !== undefined && io.fileId?.(f) === stdinFile) ? '-' : io.realPath(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What a folder input leaves out: its subfolders, up to three by name. A folder is read one level deep, and a fleet
 * check of `exports/` said "everything in place" while a sequence one folder down was never read; `diff` of two
 * folders goes into subfolders, so the same tree was read two ways without a word. Hidden folders (`.git`) are not
 * named.
 */
function subfoldersNotRead(folder: string, subfolders: readonly string[], extensions: readonly string[]): string {
  const shown = subfolders.slice(0, 3).map((f) => `${basename(f)}/`).join(', ');
  const more = subfolders.length > 3 ? ` and ${subfolders.length - 3} more` : '';
  const glob = `${folder.replace(/[\\/]+$/, '')}/**/*${extensions[0] ?? ''}`;
  return `subfolders, which are not read: ${shown}${more} (name them too, or give a glob that goes into them: '${glob}')`;
}

/** {@link expandInputs}, or the exit status 2 after reporting why the inputs could not be listed. */
export function inputsOrFail(command: string, args: string[], io: CliIo, extensions?: readonly string[]): string[] | number {
  try {
    return expandInputs(args, io, extensions, nodePath, command);
  } catch (e) {
    if (e instanceof UsageError) return reportUsage(command, e.message, io);
    if (!(e instanceof TaskSequenceError)) throw e;
    io.stderr.write(`cmts ${command}: ${e.format()}\n`);
    if (io.jsonErrors) printErrorJson(io.stdout, io.jsonErrors, e);
    return 2;
  }
}
