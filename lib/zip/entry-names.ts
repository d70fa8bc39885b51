/**
 * The names a zip entry is known by, checked: the header's name and the Info-ZIP Unicode path some readers use
 * instead. Both must stay inside the folder they are extracted to, and no two entries may share a name as Windows
 * compares names.
 */
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
}

/** How two entry names compare for a reader on Windows: separators alike, case ignored. */
function nameKey(name: string): string {
  return name.replace(/\\/g, '/').toLowerCase();
}

/**
 * Checks an entry's extra fields: ZIP64 (0x0001) is refused, and an Info-ZIP Unicode path (0x7075), which many
 * readers use instead of the header's name, must pass the same name checks. Returns the name keys the entry is
 * known by (the header name, and the Unicode path if there is one).
 */
export function checkExtraFields(bytes: Uint8Array, name: string): string[] {
  // Uint8Array in the signature keeps Buffer (and so @types/node) out of the published declarations.
  const extra = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keys = [nameKey(name)];
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (at + 4 + len > extra.length) fail(`The extra field of entry ${name} is damaged.`);
    if (id === 0x0001) fail(`Entry ${name} has a ZIP64 extra field; ZIP64 archives are not supported (a task sequence export never needs one).`);
    if (id === 0x7075) {
      if (len < 5) fail(`The Unicode path field of entry ${name} is damaged.`);
      const unicode = extra.toString('utf8', at + 9, at + 4 + len);
      checkEntryName(unicode);
      if (nameKey(unicode) !== keys[0]) keys.push(nameKey(unicode));
    }
    at += 4 + len;
  }
  return keys;
}
