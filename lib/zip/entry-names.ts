/**
 * The names a zip entry is known by, checked: the header's name and the Info-ZIP Unicode path some readers use
 * instead. Both must stay inside the folder they are extracted to and name no device Windows reserves (`NUL`, `COM1`),
 * and no two entries may share a name as Windows compares names.
 */
import { crc32 } from 'node:zlib';
import { TaskSequenceError } from '../errors.js';

const fail = (message: string): never => {
  throw new TaskSequenceError('ZIP_INVALID', message);
};
const unsafe = (message: string): never => {
  throw new TaskSequenceError('ZIP_UNSAFE', message);
};

/** Refuses names that would escape the folder they are extracted to. */
export function checkEntryName(name: string): void {
  if (name.includes('\0')) unsafe(`Entry name ${JSON.stringify(name)} contains a NUL character.`);
  if (/^([/\\]|[A-Za-z]:)/.test(name)) unsafe(`Entry ${JSON.stringify(name)} has an absolute path.`);
  if (name.split(/[/\\]/).includes('..')) unsafe(`Entry ${JSON.stringify(name)} has a '..' segment.`);
  // A name Windows would write as another file (`CM1//object.xml`, `CM1/./object.xml`, `object.xml.`, and
  // `object.xml::$DATA`, a ':' naming a stream of the file before it: that one is object.xml's own content): the export
  // reader would not take it for the file it becomes when extracted, and would copy it through unpatched.
  const segments = name.split(/[/\\]/);
  if (segments.length > 1 && segments.at(-1) === '') segments.pop(); // a folder's entry ends with '/'
  // A device (`CON`, `nul.txt`, `COM1`…): extracted on Windows, its bytes go to the device and no file is written.
  if (segments.some(isDeviceName)) {
    unsafe(`Entry ${JSON.stringify(name)} has a segment Windows opens as a device (CON, PRN, AUX, NUL, COM0–COM9 or LPT0–LPT9, also with an extension such as nul.txt): extracted on Windows, it would be no file, its bytes sent to the device. An export never names a part so.`);
  }
  if (segments.some((s) => s === '' || s === '.' || s !== trimDotsAndSpaces(s) || s.includes(':'))) {
    unsafe(`Entry ${JSON.stringify(name)} is not named as Windows would write it (an empty or '.' segment, one ending in a dot or a space, or a ':' naming a stream of a file): extracted, it would be another file.`);
  }
}

/**
 * The names Windows reserves for devices in every folder, as Microsoft's "Naming Files, Paths, and Namespaces" lists
 * them: CON, PRN, AUX, NUL, COM0–COM9 and LPT0–LPT9, where ISO 8859-1's superscript ¹ ² ³ count as digits (`COM¹`).
 * Case is ignored, and so are spaces after the name (`nul .txt`, `con `).
 */
const DEVICE = /^(?:CON|PRN|AUX|NUL|(?:COM|LPT)[0-9\u00b9\u00b2\u00b3]) *$/i;

/** Whether Windows opens a segment as a device: its part before the first dot (`nul.tar.gz` is NUL) is a device name. */
function isDeviceName(segment: string): boolean {
  const dot = segment.indexOf('.');
  return DEVICE.test(dot === -1 ? segment : segment.slice(0, dot));
}

/** A segment without its trailing dots and spaces (a loop: a regular expression for this backtracks on long runs). */
function trimDotsAndSpaces(segment: string): string {
  let end = segment.length;
  while (end > 0 && (segment[end - 1] === '.' || segment[end - 1] === ' ')) end--;
  return segment.slice(0, end);
}

/**
 * How two entry names compare for a reader on Windows, which writes both to one file: separators alike, a folder's
 * trailing `/` aside, case ignored (two names compare equal when their keys are equal). Every name passes {@link checkEntryName} first, which refuses what Win32 path
 * normalisation would change further (`.` and empty segments, trailing dots and spaces) and `..` segments, so this
 * is all that is left to compare.
 */
export function nameKey(name: string): string {
  return caseKey(name.replace(/\\/g, '/').replace(/\/$/, ''));
}

/**
 * A name with case ignored as NTFS ignores it: each character upper-cased on its own, one character for one. Not
 * `toLowerCase`, which lowers a capital sigma by its context (`ΟΔΟΣ/` to `οδος/`, which `οδοσ/` then differs from,
 * though Windows writes both to one folder) and lowers `İ` into two characters. A character whose upper case is
 * longer (`ß`, `ᾳ`) keeps its lower case, so that `ᾳ` and `ᾼ` still meet.
 */
export function caseKey(name: string): string {
  // toUpperCase maps each character on its own (no upper-case mapping depends on its neighbours), and none maps to
  // fewer UTF-16 units or, at the same length, to more than one character (checked over every code point): so an
  // upper case as long as the name is the one-character-at-a-time key. That is nearly every name, upper-cased once;
  // walked a character at a time, a 64 KiB name cost milliseconds, a 256 MiB archive of them 23 s.
  const whole = name.toUpperCase();
  if (whole.length === name.length) return whole;
  // A character whose upper case is longer: walked, into an array joined once (a string grown a character at a time
  // is a rope the garbage collector flattens).
  const key: string[] = [];
  for (const c of name) {
    const upper = c.toUpperCase();
    if (oneCharacter(upper)) key.push(upper);
    else {
      const lower = c.toLowerCase();
      key.push(oneCharacter(lower) ? lower : c);
    }
  }
  return key.join('');
}

/** Whether `s` is one code point (a surrogate pair counts as one). */
function oneCharacter(s: string): boolean {
  return s.length === ((s.codePointAt(0) ?? 0) > 0xffff ? 2 : 1);
}

/**
 * Checks an entry's extra fields: ZIP64 (0x0001) is refused, and an Info-ZIP Unicode path (0x7075), which many
 * readers use instead of the header's name, must pass the same name checks (and be the header's only one), and may
 * give another name than the header's only where readers agree on it (see {@link checkUnicodePath}). `nameBytes` and
 * `flags` are the header's name as written and its flags. Returns the name keys the entry is known by (the header
 * name, and the Unicode path if it is another).
 */
export function checkExtraFields(bytes: Uint8Array, name: string, nameBytes: Uint8Array, flags: number): string[] {
  // Uint8Array in the signature keeps Buffer (and so @types/node) out of the published declarations.
  const extra = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keys = [nameKey(name)];
  let unicodePaths = 0;
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (at + 4 + len > extra.length) fail(`The extra field of entry ${name} is damaged.`);
    if (id === 0x0001) fail(`Entry ${name} has a ZIP64 extra field; ZIP64 archives are not supported (a task sequence export never needs one).`);
    if (id === 0x7075) {
      if (len < 5) fail(`The Unicode path field of entry ${name} is damaged.`);
      // Which of two a reader takes is said nowhere, so readers would extract the entry under different names (and
      // thousands of short ones, each another name to look up, made a header's check quadratic).
      if (unicodePaths++ > 0) unsafe(`Entry ${JSON.stringify(name)} has more than one Unicode path field: which name a reader extracts it under is ambiguous.`);
      const unicode = utf8Name(extra.subarray(at + 9, at + 4 + len), `The Unicode path field of entry ${JSON.stringify(name)}`);
      checkEntryName(unicode);
      if (unicode !== name) {
        checkUnicodePath(name, nameBytes, flags, unicode, extra.readUInt8(at + 4), extra.readUInt32LE(at + 5));
        if (nameKey(unicode) !== keys[0]) keys.push(nameKey(unicode));
      }
    }
    at += 4 + len;
  }
  return keys;
}

/**
 * Refuses a Unicode path field that gives another name than its header's where readers would not agree on it. The
 * field is the header's name again, in UTF-8, for a header written in a code page a reader cannot know: its NameCRC32
 * is the CRC of the header's name bytes, and a reader whose check of it fails ignores the field and goes by the header
 * (APPNOTE 4.6.9), as one does that knows no version but 1. A reader that checks neither goes by the field. So a
 * field naming another file is refused (`ZIP_UNSAFE`) when its CRC or version is not the header's, and also when the
 * header's name is UTF-8 or ASCII already: then no code page was in question, and the field can only say that name
 * again. A field that says the header's name again is let be, whatever its CRC: every reader sees one name.
 */
function checkUnicodePath(name: string, nameBytes: Uint8Array, flags: number, unicode: string, version: number, nameCrc: number): void {
  const stale = nameCrc !== crc32(nameBytes);
  if (stale || version !== 1) {
    const why = stale ? "its NameCRC32 is not the CRC of the header's name, so the field is stale" : `it is version ${version} of the field, and only version 1 is defined`;
    unsafe(`Entry ${JSON.stringify(name)} has a Unicode path field naming ${JSON.stringify(unicode)}, but ${why}: readers that follow the zip specification ignore it and extract ${JSON.stringify(name)}, others extract ${JSON.stringify(unicode)}. Readers would extract the entry as different files.`);
  }
  const plain = flags & 0x800 ? 'UTF-8' : nameBytes.every((b) => b < 0x80) ? 'ASCII' : undefined;
  if (plain !== undefined) {
    unsafe(`Entry ${JSON.stringify(name)} has a Unicode path field naming another file, ${JSON.stringify(unicode)}, though the header's name is ${plain} already and the field can only say it again: readers that go by the field extract another file than readers that go by the header.`);
  }
}

/** Refuses, rather than replaces, a sequence that is not UTF-8; a leading BOM is kept, as it is a character of the name. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A name said to be UTF-8, decoded. One that is not is refused (`ZIP_INVALID`): with each bad sequence replaced by
 * U+FFFD, the name reported would not be the archive's, two byte strings would pass as one name (a local header naming
 * another file than the central directory), and an overlong '.' (C0 AE, which a lax decoder reads as '.') would pass
 * the check for '..' segments.
 */
function utf8Name(bytes: Uint8Array, what: string): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return fail(`${what} is not valid UTF-8, though the archive says it is (bytes ${Buffer.from(bytes.subarray(0, 64)).toString('hex')}${bytes.length > 64 ? '…' : ''}).`);
  }
}

/** IBM code page 437's characters for bytes 0x80–0xFF. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
/** Code page 437 as UTF-16 code units, by byte. */
const CP437_UNITS = Uint16Array.from({ length: 256 }, (_, b) => (b < 0x80 ? b : CP437_HIGH.charCodeAt(b - 0x80)));

/**
 * An entry's name: UTF-8 when the entry says so (flag bit 11), else code page 437, as the zip format defines it and
 * as Windows' own "compressed folder" writes names on an English system (Latin-1 would show `Ü` as `\u009a`). Names
 * are compared and reported in this form; the bytes of every header are copied as they were.
 */
export function entryName(bytes: Uint8Array, start: number, end: number, flags: number): string {
  // Uint8Array in the signature, as in checkExtraFields: this module's declarations are published.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (flags & 0x800) return utf8Name(buf.subarray(start, end), 'An entry name');
  // Code page 437 is ASCII below 0x80, so a name of ASCII alone (the usual one) is read natively; any other is written
  // into one UTF-16 buffer, not a string grown a character at a time (a name can be 64 KiB, and there are 10,000).
  const latin = buf.toString('latin1', start, end);
  if (!/[\x80-\xff]/.test(latin)) return latin;
  // Byte by byte from a table (writeUInt16LE and charCodeAt for each byte cost a 64 KiB name over a millisecond).
  const utf16 = Buffer.allocUnsafe(2 * (end - start));
  for (let i = start, j = 0; i < end; i++, j += 2) {
    const c = CP437_UNITS[buf[i] as number] as number;
    utf16[j] = c & 0xff;
    utf16[j + 1] = c >> 8;
  }
  return utf16.toString('utf16le');
}
