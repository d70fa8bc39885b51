/**
 * An export .zip's `SMS_TaskSequencePackage/<PackageID>/ReferencesInfo.xml`: what the exporting site knew of each
 * package the sequence references (the import wizard lists them). Its form, as a Current Branch console writes it
 * (a real export, `reference/format.md` §3.2): a UTF-8 BOM, CRLF line ends, no XML declaration, a .NET XmlSerializer
 * `<ArrayOfString>` (no line break after the last `</ArrayOfString>`) with one `<string>` item a line, sorted by
 * ReferencePackageID, each item a CIM-XML `<INSTANCE CLASSNAME="SMS_TaskSequenceReferencesInfo">` written with `<`, `>`
 * and `&` escaped (quotes are not), its own lines indented by two spaces whatever the item's indent:
 *
 * ```text
 *   <string>&lt;INSTANCE CLASSNAME="SMS_TaskSequenceReferencesInfo"&gt;
 *   &lt;PROPERTY TYPE="string" NAME="__RELPATH"&gt;
 *     &lt;VALUE&gt;&lt;/VALUE&gt;
 *   &lt;/PROPERTY&gt;
 *   &lt;PROPERTY NAME="PackageID" TYPE="string"&gt;          (the sequence's own package ID)
 *   …ProgramName (*), ReferenceDescription, ReferenceName, ReferencePackageID,
 *   …ReferencePackageType (TYPE="uint32"), ReferenceProgramName (*), ReferenceVersion, in that order
 * &lt;/INSTANCE&gt;</string>
 * ```
 *
 * Edits work on the text: an item is added or removed as a whole (its indent and line break with it) and every other
 * byte stays as it was, so adding an item and removing it again gives back the file.
 */
import type { TaskSequenceDocument } from '../document.js';

/** What an export says of one referenced package (the `Reference…` properties of an item); absent when not known. */
export interface PackageReferenceInfo {
  /** ReferenceName: the package's name. */
  name?: string;
  /** ReferenceDescription. */
  description?: string;
  /** ReferenceVersion. */
  version?: string;
  /**
   * ReferencePackageType, `SMS_PackageBaseclass.PackageType`: 0 package, 3 driver package, 4 task sequence, 257 OS
   * image, 258 boot image, 259 OS upgrade package (the values a real export shows: 0, 3, 4, 257, 259).
   */
  packageType?: number;
}

/** One `<string>` item of the file, where it stands and what it says. */
export interface ReferencesInfoItem {
  /** Start of the item with its indent when it begins a line; else of `<string>`. */
  start: number;
  /** After `</string>` and the line break that follows it, if any. */
  end: number;
  /** Whether a line break follows it (the file has one item a line). */
  ownLine: boolean;
  indent: string;
  /** ReferencePackageID, for an SMS_TaskSequenceReferencesInfo item that has one. */
  packageId?: string;
  info: PackageReferenceInfo;
}

/** A ReferencesInfo.xml in a form cmts can edit. */
export interface ReferencesInfoFile {
  /** The BOM bytes it starts with (kept as they are), and the text after them. */
  bom: Uint8Array;
  text: string;
  items: ReferencesInfoItem[];
  /** The line break the file uses (CRLF when it has none, as Current Branch writes). */
  newline: string;
}

const BOM = [0xef, 0xbb, 0xbf];
/** The root element's start tag (group 1: the `/` of an empty one). */
export const ROOT = /<ArrayOfString\b[^>]*?(\s*\/)?>/;
const ITEM = /<string>([^<]*)<\/string>/g;

/** Thrown by {@link unescapeXml} for a character reference to no XML character; the file is then not editable. */
class NotXmlCharacter extends Error {}

/** Whether a code point is a character XML 1.0 can carry (`Char`). */
function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9A-Fa-f]+|#[0-9]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    // Past U+10FFFF String.fromCodePoint throws a RangeError; a surrogate or NUL is no character either.
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!isXmlChar(code)) throw new NotXmlCharacter();
    return String.fromCodePoint(code);
  });
}

/** What .NET escapes in element text (`"` is left as it is, as both writers of the file leave it). */
function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The `<PROPERTY NAME=…><VALUE>…</VALUE></PROPERTY>` values of a CIM-XML instance (a null property has no VALUE). */
function properties(instance: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of instance.matchAll(/<PROPERTY\b([^>]*)>\s*(?:<VALUE>([^<]*)<\/VALUE>\s*)?<\/PROPERTY>/g)) {
    const name = /\bNAME="([^"]*)"/.exec(m[1] ?? '')?.[1];
    if (name !== undefined && m[2] !== undefined) out.set(name, unescapeXml(m[2]));
  }
  return out;
}

function infoOf(props: Map<string, string>): PackageReferenceInfo {
  const info: PackageReferenceInfo = {};
  const name = props.get('ReferenceName');
  const description = props.get('ReferenceDescription');
  const version = props.get('ReferenceVersion');
  const type = props.get('ReferencePackageType');
  if (name !== undefined) info.name = name;
  if (description !== undefined) info.description = description;
  if (version !== undefined) info.version = version;
  if (type !== undefined && /^\d+$/.test(type.trim())) info.packageType = Number(type.trim());
  return info;
}

/** Reads the file; undefined when it is not a UTF-8 `<ArrayOfString>` of `<string>` items that cmts can edit. */
export function readReferencesInfo(bytes: Uint8Array): ReferencesInfoFile | undefined {
  const bomLength = BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bomLength));
  } catch {
    return undefined;
  }
  return parseReferencesInfo(bytes.subarray(0, bomLength), text);
}

/** {@link parseItems}, or undefined when a character reference names no XML character (not well-formed). */
function parseReferencesInfo(bom: Uint8Array, text: string): ReferencesInfoFile | undefined {
  try {
    return parseItems(bom, text);
  } catch (e) {
    if (e instanceof NotXmlCharacter) return undefined;
    throw e;
  }
}

/** The file as an edit left it: `text` (an edit of `file`'s text) read again, with `file`'s BOM. */
export function withText(file: ReferencesInfoFile, text: string): ReferencesInfoFile {
  return parseReferencesInfo(file.bom, text) ?? file;
}

/** The line break at `at`, if one starts there (a sticky match: nothing after `at` is copied). */
const LINE_BREAK = /\r?\n/y;

function parseItems(bom: Uint8Array, text: string): ReferencesInfoFile | undefined {
  const root = ROOT.exec(text);
  if (!root) return undefined;
  const selfClosing = root[1] !== undefined;
  if (!selfClosing && !text.includes('</ArrayOfString>')) return undefined;
  const items: ReferencesInfoItem[] = [];
  if (!selfClosing) {
    // The line an item starts on is found going forward, and its indent going back over blanks only: a search back
    // for the line start from each item went over every item before it on a line, and a file written on one line
    // (by another tool, or on purpose) took minutes a megabyte.
    let lineStart = 0;
    let nextBreak = text.indexOf('\n');
    for (const m of text.matchAll(ITEM)) {
      const at = m.index;
      while (nextBreak !== -1 && nextBreak < at) {
        lineStart = nextBreak + 1;
        nextBreak = text.indexOf('\n', lineStart);
      }
      let blank = at;
      while (blank > lineStart && (text[blank - 1] === ' ' || text[blank - 1] === '\t')) blank--;
      const indent = blank === lineStart && lineStart > root.index ? text.slice(lineStart, at) : '';
      LINE_BREAK.lastIndex = at + m[0].length;
      const after = LINE_BREAK.exec(text)?.[0] ?? '';
      const inner = unescapeXml(m[1] ?? '');
      const props = /<INSTANCE CLASSNAME="SMS_TaskSequenceReferencesInfo"/.test(inner) ? properties(inner) : new Map<string, string>();
      const packageId = props.get('ReferencePackageID');
      items.push({ start: at - indent.length, end: at + m[0].length + after.length, ownLine: after !== '', indent, ...(packageId !== undefined && { packageId }), info: infoOf(props) });
    }
  }
  return { bom, text, items, newline: /\r?\n/.exec(text)?.[0] ?? '\r\n' };
}

/** What the file says of each package it lists, by upper-case package ID (the first item of a package counts). */
export function describedPackages(file: ReferencesInfoFile): Map<string, PackageReferenceInfo> {
  const out = new Map<string, PackageReferenceInfo>();
  for (const i of file.items) if (i.packageId !== undefined && !out.has(i.packageId.toUpperCase())) out.set(i.packageId.toUpperCase(), i.info);
  return out;
}

/** One item's text, in the form Current Branch writes (see the module comment). */
export function itemText(sequencePackage: string, packageId: string, info: Required<Pick<PackageReferenceInfo, 'packageType'>> & PackageReferenceInfo, nl: string): string {
  const prop = (name: string, type: string, value: string, typeFirst = false) =>
    `  <PROPERTY ${typeFirst ? `TYPE="${type}" NAME="${name}"` : `NAME="${name}" TYPE="${type}"`}>${nl}    <VALUE>${escapeText(value)}</VALUE>${nl}  </PROPERTY>${nl}`;
  const instance =
    `<INSTANCE CLASSNAME="SMS_TaskSequenceReferencesInfo">${nl}` +
    prop('__RELPATH', 'string', '', true) +
    prop('PackageID', 'string', sequencePackage) +
    prop('ProgramName', 'string', '*') +
    prop('ReferenceDescription', 'string', info.description ?? '') +
    prop('ReferenceName', 'string', info.name ?? '') +
    prop('ReferencePackageID', 'string', packageId) +
    prop('ReferencePackageType', 'uint32', String(info.packageType)) +
    prop('ReferenceProgramName', 'string', '*') +
    prop('ReferenceVersion', 'string', info.version ?? '') +
    '</INSTANCE>';
  return `<string>${escapeText(instance)}</string>`;
}

/** The file's bytes for `text`: its BOM as it was, then UTF-8. */
export function referencesInfoBytes(file: ReferencesInfoFile, text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(file.bom.length + body.length);
  out.set(file.bom, 0);
  out.set(body, file.bom.length);
  return out;
}

/** What callers have said of the packages they referenced in each document (see {@link describePackageReference}). */
const described = new WeakMap<TaskSequenceDocument, Map<string, PackageReferenceInfo>>();

/**
 * Records what the caller knows of a package it makes the sequence reference, for the export .zip's
 * ReferencesInfo.xml (an export cmts writes lists the package with these details). Later calls add to earlier ones.
 */
export function describePackageReference(doc: TaskSequenceDocument, packageId: string, info: PackageReferenceInfo): void {
  let map = described.get(doc);
  if (!map) described.set(doc, (map = new Map<string, PackageReferenceInfo>()));
  const key = packageId.toUpperCase();
  map.set(key, { ...map.get(key), ...info });
}

/** What callers have recorded of a package referenced by the document, if anything. */
export function describedPackageReference(doc: TaskSequenceDocument, packageId: string): PackageReferenceInfo | undefined {
  return described.get(doc)?.get(packageId.toUpperCase());
}
