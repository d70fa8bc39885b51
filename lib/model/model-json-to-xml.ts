/**
 * The JSON form of a task sequence written back as XML: the container it was read from (its `wrapper`), else one made
 * afresh from its properties, with a declaration where the encoding needs one.
 */
import { SMS_PACKAGE_ORDER } from '../containers/index.js';
import { TaskSequenceError } from '../errors.js';
import { declarationDisagreement } from '../xml/declared-encoding.js';
import type { TextEncodingInfo } from '../xml/encoding-name.js';
import { readDeclaration, startsWithDeclaration } from '../xml/declaration.js';
import { escapeAttribute, escapeText, heldText } from '../xml/escape-text.js';
import { checkWellFormed } from '../xml/parse.js';
import { referenceUnencodable, singleByteOf } from '../xml/single-byte.js';
import type { ModelJson } from './json.js';
import { wrapSequence } from './json-wrapper.js';
import { printSequence } from './to-xml.js';

/** Options of {@link modelJsonToXml}. */
export interface ToXmlOptions {
  /** Write a bare `<sequence>` whatever the container; default false. */
  bare?: boolean;
}

const SMS_NAMESPACES = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"';

/**
 * The model as XML text in its container: a bare `<sequence>`; with a `wrapper`, the container it was read from, as
 * it was (`properties` are not applied to it here: `cmts convert` sets the ones that differ on the result); without one, a ConfigMgr 2007 `<SmsTaskSequencePackage>` with each property as
 * an element and the sequence in `<SequenceData>`, or a Current Branch object.xml `<INSTANCE>` with each property
 * (and its type) and the sequence in the `Sequence` property's CDATA. Throws `OUTPUT_MALFORMED` for a sequence that
 * would read back as another tree; one a reader refuses is returned, for the caller's read-back to place the fault.
 */
export function modelJsonToXml(model: ModelJson, options: ToXmlOptions = {}): string {
  try {
    return containerXml(model, options, true);
  } catch (e) {
    // A sequence a reader refuses is left to the caller's read-back, which places the fault in the whole file (`cmts
    // convert` reports it as the JSON file's failure); one that reads back as another tree is refused here.
    if (!(e instanceof TaskSequenceError) || e.code !== 'OUTPUT_MALFORMED') throw e;
    // A lone surrogate is no character of any encoding: written, it became U+FFFD, which the read-back of the bytes
    // passed, a value changed without a word. So it is refused here, as the printer found it.
    let text: string;
    try {
      text = printSequence(model.sequence, {}, false, model.encoding);
    } catch {
      // What even the unjudged printer cannot print (a value that is no string) is the judged print's refusal.
      throw e;
    }
    if (!text.isWellFormed() || wellFormed(text)) throw e;
    return containerXml(model, options, false);
  }
}

function wellFormed(text: string): boolean {
  try {
    checkWellFormed(text, { maxNodes: Number.MAX_SAFE_INTEGER, maxDepth: Number.MAX_SAFE_INTEGER });
    return true;
  } catch {
    return false;
  }
}

/**
 * `text` (the container read before, or one made afresh) in agreement with the model's `encoding`, which is what it is
 * written in: where a reader would not find that encoding, the XML declaration is made to name it — its encoding
 * value replaced, or one added after its version, the rest of it as written — or one is put before the text. Without
 * it a windows-1252 sequence's bytes were read back as UTF-8 and refused; and a JSON whose `encoding` was changed
 * (to write the file as UTF-8, say) wrote UTF-8 bytes under the kept container's windows-1252 declaration, which read
 * back as other characters (é as Ã©) with no error.
 */
function declared(text: string, info: TextEncodingInfo, nl: string): string {
  if (declarationDisagreement(text, info) === undefined) return text;
  const own = readDeclaration(text);
  // One that does not parse is left for the read-back to refuse at its place (DECLARATION_MALFORMED), rather than
  // another put before it, which the read-back would then refuse as a declaration not at the start.
  if (!own && startsWithDeclaration(text)) return text;
  if (!own) return `<?xml version="1.0" encoding="${info.encoding}"?>${nl}${text}`;
  const declaration = text.slice(0, own.length);
  const label = ENCODING_VALUE.exec(declaration);
  const agreeing = label
    ? declaration.slice(0, label.index) + (label[1] as string) + info.encoding + declaration.slice(label.index + label[0].length - 1)
    : declaration.replace(VERSION, (version) => `${version} encoding="${info.encoding}"`);
  return agreeing + text.slice(own.length);
}

/** The encoding pseudo-attribute of a well-formed declaration, up to its opening quote (group 1) and its closing one. */
const ENCODING_VALUE = /(\sencoding[ \t\r\n]*=[ \t\r\n]*["'])[^"']*["']/;
/** The version pseudo-attribute, which every declaration starts with. */
const VERSION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"[^"]*"|'[^']*')/;

function containerXml(model: ModelJson, options: ToXmlOptions, checked: boolean): string {
  const nl = '\r\n' as const;
  // A bare sequence's wrapper is its own (its declaration, its kept layout), so it holds with --bare too.
  if (model.wrapper && (!options.bare || model.container === 'sequence')) {
    // The kept container's declaration is held to the model's encoding as a fresh one is: its text is the JSON's, and
    // may have been changed without it (or it without the text).
    const wrapped = wrapSequence(model.wrapper, model.sequence, checked, model.encoding);
    return declared(wrapped, model.encoding, /\r\n/.test(model.wrapper.before) || !/\n/.test(model.wrapper.before) ? '\r\n' : '\n');
  }
  return declared(freshXml(model, options, checked, nl), model.encoding, nl);
}

/** The model's sequence bare, or in a container made from its properties (see {@link modelJsonToXml}). */
function freshXml(model: ModelJson, options: ToXmlOptions, checked: boolean, nl: '\r\n'): string {
  // In the file's encoding: a character a single-byte one has no byte for (a value read from a reference) is a reference.
  const sequenceText = () => printSequence(model.sequence, {}, checked, model.encoding);
  const singleByte = singleByteOf(model.encoding);
  const text = (v: string): string => referenceUnencodable(escapeText(v, { textQuot: false, textApos: false }, nl), singleByte);
  if (options.bare || model.container === 'sequence') return sequenceText();
  if (model.container === 'sms-package') {
    const inner = sequenceText();
    const lines = ['<?xml version="1.0"?>', `<SmsTaskSequencePackage ${SMS_NAMESPACES}>`];
    const entries = Object.entries(model.properties);
    const at = entries.findIndex(([k]) => SMS_PACKAGE_ORDER.indexOf(k) > SMS_PACKAGE_ORDER.indexOf('SequenceData'));
    const before = at === -1 ? entries : entries.slice(0, at);
    const after = at === -1 ? [] : entries.slice(at);
    const prop = ([k, v]: [string, string]) => (v === '' ? `  <${k} />` : `  <${k}>${text(v)}</${k}>`);
    lines.push(...before.map(prop), '  <SequenceData>', inner, '  </SequenceData>', ...after.map(prop), '</SmsTaskSequencePackage>');
    return lines.join(nl) + nl;
  }
  const lines = ['<INSTANCE CLASSNAME="SMS_TaskSequencePackage">'];
  const property = (name: string, type: string, value: string) =>
    lines.push(`  <PROPERTY NAME="${escapeAttribute(name, '"')}" TYPE="${escapeAttribute(type, '"')}">`, `    <VALUE>${value}</VALUE>`, '  </PROPERTY>');
  // Its own entry only: `constructor` or `toString` not listed there is a string, not the member every object inherits.
  const typeOf = (k: string) => (model.propertyTypes && Object.hasOwn(model.propertyTypes, k) ? model.propertyTypes[k] : undefined) ?? 'string';
  for (const [k, v] of Object.entries(model.properties)) property(k, typeOf(k), text(v));
  property('Sequence', 'string', heldText(sequenceText(), true, { textQuot: false, textApos: false }));
  lines.push('</INSTANCE>');
  return lines.join(nl) + nl;
}
