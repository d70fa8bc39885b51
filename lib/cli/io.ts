/**
 * What a command touches outside itself, injected so that commands are plain functions tests can call.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TaskSequenceError } from '../errors.js';

/** A stream a command writes to. */
export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
}

/** The outside world of a command. */
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  readFile(path: string): Uint8Array;
  /** Writes a file atomically: a temporary file beside it, then a rename (creating the folder if needed). */
  writeFileAtomic(path: string, bytes: Uint8Array): void;
  /** Whether a path is a directory (false when it does not exist). */
  isDirectory(path: string): boolean;
  /** The entries of a directory: names, and which are directories. */
  listDir(path: string): { name: string; dir: boolean }[];
}

function ioError(action: string, path: string, e: unknown): TaskSequenceError {
  const code = (e as { code?: string }).code;
  const why = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
  return new TaskSequenceError('IO_ERROR', `Cannot ${action} ${path}: ${why}.`, { file: path });
}

/** The real file system and process streams. */
export function nodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readFile(path) {
      try {
        return readFileSync(path);
      } catch (e) {
        throw ioError('read', path, e);
      }
    },
    writeFileAtomic(path, bytes) {
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.cmts-tmp`);
      try {
        mkdirSync(dirname(path), { recursive: true });
        const fd = openSync(tmp, 'wx');
        try {
          writeSync(fd, bytes);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, path);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw ioError('write', path, e);
      }
    },
    isDirectory(path) {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    },
    listDir(path) {
      try {
        return readdirSync(path, { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() }));
      } catch (e) {
        throw ioError('list', path, e);
      }
    },
  };
}
