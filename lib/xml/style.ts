/**
 * The writing style of a document, learnt from what it already says, so that printed nodes look like their
 * neighbours: attribute quotes, whether text escapes quotes, the empty-element form per tag, and the newline.
 */
import type { XmlNode as Node, Text, XmlDocument } from './types.js';
import type { EscapeStyle } from './entities.js';
import { isSpace } from './chars.js';
import { endOf, isSourcedElement, sourceOf, startOf, startTagEndAt } from './origin.js';

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
      // Spans read straight off the nodes (no origin object per node: this pass sees every node).
      const src = sourceOf(n);
      if (n.kind === 'text') {
        // White space between elements is read without an origin: it is learnt from its value, which is as written.
        const text = src ? src.text : (n as Text).value;
        const start = src ? startOf(n) : 0;
        const end = src ? endOf(n) : text.length;
        let blank = true;
        let sawCrlf = false;
        let sawLf = false;
        for (let i = start; i < end && blank; i++) {
          const c = text.charCodeAt(i);
          blank = isSpace(c);
          if (c === 0x0a) {
            if (i > start && text.charCodeAt(i - 1) === 0x0d) sawCrlf = true;
            else sawLf = true;
          }
        }
        if (blank) {
          if (sawCrlf) crlf++;
          else if (sawLf) lf++;
        } else if (src) countText(text.slice(start, end));
        continue;
      }
      if (!('tag' in n)) continue;
      if (src && isSourcedElement(n)) {
        const text = src.text;
        const start = startOf(n);
        const end = endOf(n);
        // The first '=' of the start tag, looked for only inside it (no '>' comes before it): every pass over the
        // text stays linear, and the end of the start tag is looked for only where it is needed.
        let eq = start;
        for (let c = text.charCodeAt(eq); c !== 0x3d && c !== 0x3e; c = text.charCodeAt(++eq));
        if (text.charCodeAt(eq) === 0x3d) {
          let q = eq + 1;
          while (isSpace(text.charCodeAt(q))) q++;
          if (text.charCodeAt(q) === 0x22) dq++;
          else if (text.charCodeAt(q) === 0x27) sq++;
        }
        const selfClosing = text.charCodeAt(end - 2) === 0x2f;
        const contentEnd = selfClosing ? end : text.lastIndexOf('<', end - 1);
        // Content that ends with '>' may be none at all (`<a></a>`); only then is the start tag's end needed.
        const startTagEnd = selfClosing ? end : 'value' in n || text.charCodeAt(contentEnd - 1) === 0x3e ? startTagEndAt(text, start) : -1;
        let form: EmptyForm | undefined;
        if (selfClosing) form = text.charCodeAt(end - 3) === 0x20 ? ' />' : '/>';
        else if (contentEnd === startTagEnd) form = 'pair';
        if (form) {
          if (!emptyByTag.has(n.tag)) emptyByTag.set(n.tag, form);
          emptyCount.set(form, (emptyCount.get(form) ?? 0) + 1);
        }
        if ('value' in n && contentEnd > startTagEnd) countText(text.slice(startTagEnd, contentEnd));
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
