/**
 * The text of a JSON or YAML file a command reads (an options or `--config` file, a model to convert, a sequence as
 * YAML to build): UTF-8, or UTF-16 with a byte order mark, as Windows PowerShell's `Out-File` and `>` write it by
 * default. Bytes that are neither are refused, naming the file and the byte, rather than read with U+FFFD in their
 * place (a PowerShell file was refused as "not valid JSON: '�' where a value was expected"). Decoded and judged as
 * the XML reader decodes and judges (`xml/codec.ts`).
 */
import { isZip } from '../containers/export-zip.js';
import { type ErrorCode, LineCounter, TaskSequenceError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../read-limits.js';
import { decodeStrict } from '../xml/codec.js';
import type { UnicodeEncoding } from '../xml/encoding-name.js';
import { firstBadUtf16, firstBadUtf8 } from '../xml/first-bad-utf8.js';
import { checkHeapBeforeDecoding } from '../xml/heap-guard.js';
import { jsonCostOf } from '../text-cost.js';
import type { CliIo } from './io.js';

/**
 * The decoded text of `bytes`, read from `file`, with no byte order mark; throws `code` for bytes that are no such text
 * (`encodingCode` for bytes that are not text in their encoding: ENCODING_INVALID for a sequence's text, as the XML
 * reader says it; an options file keeps OPTIONS_INVALID, the code of everything wrong with one).
 * `parseCost` (`text-cost.ts`) estimates what parsing the text will cost: bytes the heap left cannot decode are
 * refused (`INPUT_TOO_LARGE`) before they are, with the heap that would read them.
 */
export function textInput(bytes: Uint8Array, file: string, code: ErrorCode, parseCost?: (bytes: Uint8Array) => number, encodingCode: ErrorCode = code): string {
  // Judged as bytes that are not UTF-8, an archive was told to be saved as UTF-8, which cannot help it.
  if (isZip(bytes)) {
    throw new TaskSequenceError(code, `${file} is a .zip archive, not JSON or YAML text (an export .zip is read by inspect, lint, diff, transform, kb977203 and convert --to json).`, { file });
  }
  const [b0, b1, b2] = bytes;
  const encoding: UnicodeEncoding = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : 'utf-8';
  const bom = encoding !== 'utf-8' ? 2 : b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  try {
    checkHeapBeforeDecoding(body, parseCost);
  } catch (e) {
    if (e instanceof TaskSequenceError) e.file = file;
    throw e;
  }
  try {
    return decodeStrict(body, encoding);
  } catch {
    const utf8 = encoding === 'utf-8';
    const bad = utf8 ? firstBadUtf8(body) : firstBadUtf16(body, encoding === 'utf-16be');
    const at = bom + bad;
    // Placed as the XML reader places a bad byte: the text before it is good, so it is decoded to count its lines.
    const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(body.subarray(0, Math.min(bad, body.length - (body.length % (utf8 ? 1 : 2)))));
    const how = utf8
      ? `is not UTF-8 text (byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${at})`
      : at >= bytes.length
        ? `is not ${encoding.toUpperCase()} text, as its byte order mark says (an odd number of bytes)`
        : `is not ${encoding.toUpperCase()} text, as its byte order mark says (a lone surrogate at offset ${at})`;
    throw new TaskSequenceError(encodingCode, `${file} ${how}: save it as UTF-8, or as UTF-16 with a byte order mark.`, { file, range: [before.length, before.length], linePos: new LineCounter(before).linePos(before.length) });
  }
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
  return textInput(bytes, file, 'OPTIONS_INVALID', jsonCostOf);
}
