/**
 * Catches the two inputs new users hand `readTaskSequence` by mistake: a file path (a string that is not XML) and
 * the bytes of a Current Branch export `.zip`. Both would otherwise fail deep in the XML parser with a message about
 * XML, not about what was passed; here they fail saying what was passed and what to call instead.
 */
import { TaskSequenceError } from './errors.js';
import { looksLikeZip } from './zip/end-record.js';

/** A path-like string: a drive letter, a UNC or POSIX root, `./`, or a file name ending in a known extension. */
const PATH_LIKE = /^(?:[A-Za-z]:[\\/]|\\\\|\/|\.{1,2}[\\/]|~[\\/])|^[^<>\r\n]*\.(?:xml|zip)$/i;

/** Throws `INVALID_ARGUMENT` for a path or a zip archive passed where task sequence XML was expected. */
export function refuseMisusedInput(input: Uint8Array | string): void {
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '').trimStart();
    if (!text.startsWith('<') && PATH_LIKE.test(text.trimEnd())) {
      throw new TaskSequenceError(
        'INVALID_ARGUMENT',
        `readTaskSequence was given the string "${shorten(text.trimEnd())}", which looks like a file path, not XML. ` +
          'Read the file first and pass its bytes: readTaskSequence(readFileSync(path), { file: path }).',
      );
    }
    return;
  }
  // Known as the command line knows an archive: by its first header, or by the end record that ends it.
  if (looksLikeZip(input)) {
    throw new TaskSequenceError(
      'INVALID_ARGUMENT',
      'readTaskSequence was given the bytes of a .zip archive, not XML. For a Current Branch export .zip, call ' +
        "readExportZip(bytes) from 'cmts/zip': it reads each task sequence in the archive.",
    );
  }
}

/**
 * Throws `INVALID_ARGUMENT` for input that is neither a string nor a Uint8Array (a Buffer is one): an ArrayBuffer, a
 * DataView, another typed array, null. From JavaScript (or through a cast) they reached the decoder, which failed with
 * a TypeError (`bytes is not iterable`), or read a Uint16Array's numbers as bytes. Judged by the object's tag, so a
 * Uint8Array made in another realm (a worker, a vm context) still passes.
 */
export function refuseNonInput(input: unknown): void {
  if (typeof input === 'string') return;
  if (Object.prototype.toString.call(input) === '[object Uint8Array]') {
    // Bytes whose buffer was handed to another thread (transferred) are gone: reading them threw a TypeError.
    if (isDetached(input as Uint8Array)) throw new TaskSequenceError('INVALID_ARGUMENT', 'readTaskSequence was given bytes whose buffer is detached (transferred to another thread or worker): they can no longer be read. Pass a copy kept in this thread.');
    return;
  }
  const what = input === null ? 'null' : typeof input !== 'object' ? typeof input : Object.prototype.toString.call(input).slice(8, -1);
  const hint = what === 'ArrayBuffer' ? ' For an ArrayBuffer, pass new Uint8Array(buffer).' : '';
  throw new TaskSequenceError('INVALID_ARGUMENT', `readTaskSequence takes the bytes of a file (a Uint8Array or Buffer) or its text (a string), not ${input == null ? '' : /^[aeiouAEIOU]/.test(what) ? 'an ' : 'a '}${what}.${hint}`);
}

/**
 * Whether the bytes' buffer was detached (transferred): their length reads 0 and any view made of them throws.
 * (`ArrayBuffer.prototype.detached` is Node 22's; an empty view of a live buffer makes a view without a throw.)
 */
function isDetached(bytes: Uint8Array): boolean {
  if (bytes.length !== 0) return false;
  try {
    return new Uint8Array(bytes.buffer, 0, 0).length !== 0;
  } catch {
    return true;
  }
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
