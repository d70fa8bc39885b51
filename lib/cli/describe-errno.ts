/**
 * A failed system call's reason in words an administrator reads without looking up errno names.
 */
import { TaskSequenceError } from '../errors.js';

/** Why a system call failed, in words. */
export function describeErrno(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EBADF':
      return 'it is closed';
    case 'ELOOP':
      return 'its symbolic links loop';
    case 'ENAMETOOLONG':
      return 'the name is too long for the file system';
    default:
      return (e as Error).message;
  }
}

/**
 * The error for a run whose current folder was deleted or moved away while it stood in it (a relative path cannot be
 * found then: `uv_cwd` fails with ENOENT), or undefined for any other error. It is the file system's trouble, not a
 * bug of cmts, and was reported as an internal error naming no file.
 */
export function currentFolderGone(e: unknown): TaskSequenceError | undefined {
  const { code, syscall } = (typeof e === 'object' && e !== null ? e : {}) as { code?: unknown; syscall?: unknown };
  if (code !== 'ENOENT' || syscall !== 'uv_cwd') return undefined;
  return new TaskSequenceError('IO_ERROR', 'The current folder no longer exists (it was deleted or moved while cmts ran in it), so a relative path names nothing: change to a folder that exists, or give absolute paths.');
}
