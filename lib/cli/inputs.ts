/**
 * Input arguments to files: a file as is, a directory as the task sequence files in it, a glob (`*`, `?`, `**`)
 * matched against the directories it names. Shared by every command that takes several files.
 */
import { join } from 'node:path';
import { TaskSequenceError } from '../errors.js';
import type { CliIo } from './io.js';

/** File endings a directory is searched for. */
export const INPUT_EXTENSIONS = ['.xml', '.zip'];

function hasGlob(s: string): boolean {
  return /[*?]/.test(s);
}

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(io: CliIo, dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const e of io.listDir(dir).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = dir === '.' ? e.name : join(dir, e.name).replace(/\\/g, '/');
    if (e.dir) {
      if (recursive) out.push(...walk(io, p, true));
    } else out.push(p);
  }
  return out;
}

/** The files the arguments name, in order, each once. Throws `IO_ERROR` for a glob that matches nothing. */
export function expandInputs(args: string[], io: CliIo): string[] {
  const files: string[] = [];
  for (const arg of args) {
    if (hasGlob(arg)) {
      const norm = arg.replace(/\\/g, '/');
      const firstGlob = norm.search(/[*?]/);
      const base = norm.lastIndexOf('/', firstGlob) === -1 ? '.' : norm.slice(0, norm.lastIndexOf('/', firstGlob)) || '/';
      const re = globToRegExp(norm);
      const matched = walk(io, base, norm.includes('**') || norm.slice(firstGlob).includes('/')).filter((f) => re.test(f));
      if (matched.length === 0) throw new TaskSequenceError('IO_ERROR', `No file matches ${arg}.`, { file: arg });
      files.push(...matched);
    } else if (io.isDirectory(arg)) {
      files.push(...walk(io, arg.replace(/[\\/]+$/, ''), false).filter((f) => INPUT_EXTENSIONS.some((x) => f.toLowerCase().endsWith(x))));
    } else files.push(arg);
  }
  return [...new Set(files)];
}

/** {@link expandInputs}, or the exit status 1 after reporting why the inputs could not be listed. */
export function inputsOrFail(command: string, args: string[], io: CliIo): string[] | number {
  try {
    return expandInputs(args, io);
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    io.stderr.write(`cmts ${command}: ${e.format()}\n`);
    return 1;
  }
}
