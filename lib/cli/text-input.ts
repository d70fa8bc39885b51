/**
 * The text of a JSON or YAML file a command reads (an options or `--config` file, a model to convert, a sequence as
 * YAML to build): UTF-8, or UTF-16 with a byte order mark, as Windows PowerShell's `Out-File` and `>` write it by
 * default. Bytes that are neither are refused, naming the file and the byte, rather than read with U+FFFD in their
 * place (a PowerShell file was refused as "not valid JSON: '�' where a value was expected").
 */
import { type ErrorCode, TaskSequenceError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../read-limits.js';
import type { CliIo } from './io.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false });

/** The decoded text of `bytes`, read from `file`, with no byte order mark; throws `code` for bytes that are no such text. */
export function textInput(bytes: Uint8Array, file: string, code: ErrorCode): string {
  const decoder = bytes[0] === 0xff && bytes[1] === 0xfe ? utf16le : bytes[0] === 0xfe && bytes[1] === 0xff ? utf16be : utf8;
  try {
    return decoder.decode(bytes);
  } catch {
    const how = decoder === utf8 ? `is not UTF-8 text (${badUtf8At(bytes)})` : `is not ${decoder === utf16le ? 'UTF-16LE' : 'UTF-16BE'} text, as its byte order mark says (an odd number of bytes, or a lone surrogate)`;
    throw new TaskSequenceError(code, `${file} ${how}: save it as UTF-8, or as UTF-16 with a byte order mark.`, { file });
  }
}

/** Where the first byte that is not UTF-8 is, for the message. */
function badUtf8At(bytes: Uint8Array): string {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) break;
    try {
      utf8.decode(bytes.subarray(i, i + n));
    } catch {
      break;
    }
    i += n;
  }
  return `byte 0x${(bytes[i] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${i}`;
}

/**
 * The text of an options file (`--config`, `--options`): read within the input limit's default, which `--max-bytes`
 * does not change (it bounds the sequences read), and said so when passed.
 */
export function optionsText(io: CliIo, file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (e) {
    if (e instanceof TaskSequenceError && e.code === 'INPUT_TOO_LARGE') throw new TaskSequenceError('INPUT_TOO_LARGE', `${file} is larger than the ${DEFAULT_MAX_BYTES} bytes an options file may have (--max-bytes bounds the sequences read, not this file).`, { file });
    throw e;
  }
  return textInput(bytes, file, 'OPTIONS_INVALID');
}
