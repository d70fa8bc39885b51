/**
 * The writing style of a document, learnt from what it already says, so that printed nodes look like their
 * neighbours: attribute quotes, whether text escapes quotes, the empty-element form per tag, and the newline.
 */
import type { Node, XmlDocument } from '../model/types.js';
import type { EscapeStyle } from './entities.js';
import { type ElementOrigin, type LeafOrigin, originOf } from './origin.js';

/** The form an element with no content is written in. */
export type EmptyForm = '/>' | ' />' | 'pair';

/** A document's writing style. */
export interface WriteStyle extends EscapeStyle {
  /** Quote character for new attributes. */
  quote: '"' | "'";
  /** Newline used between elements (`''` when the document is on one line). */
  newline: '\r\n' | '\n' | '';
  /** Empty-element form for each tag seen empty, and the most common one for the rest. */
  emptyByTag: Map<string, EmptyForm>;
  emptyDefault: EmptyForm;
}

const cache = new WeakMap<XmlDocument, WriteStyle>();

/** The style of `doc`, computed once (only when something has to be printed). */
export function styleOf(doc: XmlDocument): WriteStyle {
  let style = cache.get(doc);
  if (!style) {
    style = learnStyle(doc);
    cache.set(doc, style);
  }
  return style;
}

function learnStyle(doc: XmlDocument): WriteStyle {
  let dq = 0;
  let sq = 0;
  let quotEsc = 0;
  let quotLit = 0;
  let aposEsc = 0;
  let aposLit = 0;
  let crlf = 0;
  let lf = 0;
  const emptyByTag = new Map<string, EmptyForm>();
  const emptyCount = new Map<EmptyForm, number>();
  const countText = (raw: string): void => {
    if (raw.includes('&quot;')) quotEsc++;
    if (raw.includes('"')) quotLit++;
    if (raw.includes('&apos;')) aposEsc++;
    if (raw.includes("'")) aposLit++;
  };
  // Iterative: no depth the reader allows can overflow the call stack.
  const todo: Node[][] = [doc.children];
  while (todo.length) {
    for (const n of todo.pop() as Node[]) {
      if (n.kind === 'text') {
        const o = originOf(n) as LeafOrigin | undefined;
        if (!o) continue;
        const raw = o.src.text.slice(o.start, o.end);
        if (raw.trim() === '') {
          if (raw.includes('\r\n')) crlf++;
          else if (raw.includes('\n')) lf++;
        } else countText(raw);
        continue;
      }
      if (n.kind === 'comment' || n.kind === 'cdata' || n.kind === 'instruction') continue;
      const o = originOf(n) as ElementOrigin | undefined;
      if (o) {
        const text = o.src.text;
        // The first '=' of the start tag, looked for only inside it: every pass over the text stays linear.
        let eq = o.start;
        while (eq < o.startTagEnd && text.charCodeAt(eq) !== 0x3d) eq++;
        if (eq < o.startTagEnd) {
          const q = text.slice(eq + 1, o.startTagEnd).trimStart()[0];
          if (q === '"') dq++;
          else if (q === "'") sq++;
        }
        let form: EmptyForm | undefined;
        if (o.selfClosing) form = text.charCodeAt(o.end - 3) === 0x20 ? ' />' : '/>';
        else if (o.contentEnd === o.startTagEnd) form = 'pair';
        if (form) {
          if (!emptyByTag.has(n.tag)) emptyByTag.set(n.tag, form);
          emptyCount.set(form, (emptyCount.get(form) ?? 0) + 1);
        }
        if ('value' in n && o.contentEnd > o.startTagEnd) countText(text.slice(o.startTagEnd, o.contentEnd));
      }
      if ('children' in n) todo.push(n.children);
    }
  }
  let emptyDefault: EmptyForm = '/>';
  let best = 0;
  for (const [form, count] of emptyCount) {
    if (count > best) {
      best = count;
      emptyDefault = form;
    }
  }
  return {
    quote: sq > dq ? "'" : '"',
    textQuot: quotEsc > 0 && quotLit === 0,
    textApos: aposEsc > 0 && aposLit === 0,
    newline: crlf === 0 && lf === 0 ? '' : crlf >= lf ? '\r\n' : '\n',
    emptyByTag,
    emptyDefault,
  };
}
