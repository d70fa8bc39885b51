// Two readings of one document for differential fuzzing: cmts's (the entry the W3C conformance test uses: bytes
// decoded, `parseXml`, written back by `printDocument`) and saxes's (a conformant non-validating parser, used without
// namespaces in XML 1.0 mode). Each gives a verdict and, when it accepts, a flat list of what the document holds,
// in one shape so that the two lists can be compared as they are.
import { SaxesParser } from 'saxes';
import { decodeBytes } from '../../lib/xml/codec.js';
import { encodeText } from '../../lib/xml/encode-text.js';
import { checkWellFormed, parseXml } from '../../lib/xml/parse.js';
import { printDocument } from '../../lib/xml/print.js';
import type { XmlNode } from '../../lib/xml/types.js';

/** One thing a document holds: an element's start (name and attributes in written order) or end, or a leaf. */
export type XmlEvent = ['start', string, [string, string][]] | ['end', string] | ['text' | 'cdata' | 'comment', string] | ['pi', string, string];

/** A reader's verdict: refused (with why), or accepted with what the document holds. */
export type Reading = { ok: false; why: string } | { ok: true; events: XmlEvent[] };

/** Whether a string holds a surrogate that is not half of a pair (no encoded document can hold one). */
export const hasLoneSurrogate = (s: string): boolean => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/**
 * The events, with what readers are free to report differently made one form: adjacent text joined and empty text
 * dropped; white space outside the root (the only text allowed there) dropped; a PI's data without the white space
 * after its target ([16] puts all of it in S, cmts keeps all but the first character of it in the value).
 */
function tidy(events: XmlEvent[]): XmlEvent[] {
  const out: XmlEvent[] = [];
  let depth = 0;
  // Open value elements (see VALUE_TAG): their text and CDATA are one value to cmts.
  let values = 0;
  for (let e of events) {
    if (e[0] === 'start') {
      depth++;
      if (VALUE_TAG.test(e[1])) values++;
    }
    if (e[0] === 'end') {
      depth--;
      if (VALUE_TAG.test(e[1])) values--;
    }
    if (e[0] === 'cdata' && values > 0) e = ['text', e[1]];
    if (e[0] === 'text') {
      if (depth === 0 || e[1] === '') continue;
      const last = out[out.length - 1];
      if (last?.[0] === 'text') {
        out[out.length - 1] = ['text', last[1] + e[1]];
        continue;
      }
    }
    out.push(e[0] === 'pi' ? ['pi', e[1], e[2].replace(/^[ \t\n]+/, '')] : e);
  }
  return out;
}

/**
 * Elements cmts reads as one string of text when its classifier says so (a task sequence's `variable` and `action`):
 * here those whose name starts with `b`, so that the reader's path for them is compared too.
 */
const VALUE_TAG = /^b/;
const classify = (tag: string): string => (VALUE_TAG.test(tag) ? 'variable' : 'element');

/** saxes's reading of `text` (saxes itself takes a leading BOM for what it is, not part of the document). */
export function saxesReading(text: string): Reading {
  const parser = new SaxesParser({ xmlns: false, defaultXMLVersion: '1.0', forceXMLVersion: true });
  const events: XmlEvent[] = [];
  let why: string | undefined;
  parser.on('error', (e) => {
    why ??= e.message;
  });
  parser.on('opentag', (t) => events.push(['start', t.name, Object.entries(t.attributes)]));
  parser.on('closetag', (t) => events.push(['end', t.name]));
  parser.on('text', (t) => events.push(['text', t]));
  parser.on('cdata', (t) => events.push(['cdata', t]));
  parser.on('comment', (t) => events.push(['comment', t]));
  parser.on('processinginstruction', (p) => events.push(['pi', p.target, p.body]));
  try {
    parser.write(text).close();
  } catch (e) {
    why ??= String(e);
  }
  return why === undefined ? { ok: true, events: tidy(events) } : { ok: false, why };
}

function walk(nodes: XmlNode[], out: XmlEvent[]): void {
  for (const n of nodes) {
    if ('tag' in n) {
      out.push(['start', n.tag, Object.entries(n.attributes)]);
      if ('children' in n) walk(n.children, out);
      else out.push(['text', n.value]);
      out.push(['end', n.tag]);
    } else if (n.kind === 'instruction') {
      // The XML declaration is not a PI ([23]); saxes reports it apart.
      if (n.target !== 'xml') out.push(['pi', n.target, n.value]);
    } else out.push([n.kind, n.value]);
  }
}

/** cmts's reading and its round trip: `written` says whether it wrote back the exact input; `checked` whether the tree-less check agreed. */
export type CmtsReading = { ok: true; events: XmlEvent[]; written: boolean; checked: boolean } | { ok: false; why: string; code: string; checked: boolean; text: string; at: number };

/**
 * cmts's reading of `doc`: as bytes (UTF-8, any BOM kept) through the codec, as a file is read; a document with a
 * lone surrogate, which UTF-8 cannot hold, is read as the string it is.
 */
export function cmtsReading(doc: string): CmtsReading {
  const asString = hasLoneSurrogate(doc);
  const bytes = Buffer.from(doc);
  let text = doc.replace(/^\uFEFF/, '');
  let checked: boolean;
  try {
    if (!asString) text = decodeBytes(bytes).text;
    checkWellFormed(text);
    checked = true;
  } catch {
    checked = false;
  }
  try {
    const decoded = asString ? { text, encoding: 'utf-8' as const, bom: false } : decodeBytes(bytes);
    const parsed = parseXml(decoded.text, { classify });
    const events: XmlEvent[] = [];
    walk(parsed.document.children, events);
    const out = printDocument(parsed.document);
    const written = asString ? out === text : Buffer.from(encodeText(decoded.bom ? `\uFEFF${out}` : out, { encoding: decoded.encoding, bom: false })).equals(bytes);
    return { ok: true, events: tidy(events), written, checked };
  } catch (e) {
    // `at`: where the error is, in `text` (the document as parsed: decoded, without its BOM).
    const { code = 'NOT_A_TASK_SEQUENCE_ERROR', range } = e as { code?: string; range?: [number, number] };
    return { ok: false, why: (e as Error).message, code, checked, text, at: range?.[0] ?? -1 };
  }
}
