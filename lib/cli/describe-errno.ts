/**
 * A failed system call's reason in words an administrator reads without looking up errno names.
 */

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
