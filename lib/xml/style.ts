/**
 * The writing style of a document, learnt from what it already says, so that printed nodes look like their
 * neighbours: attribute quotes, whether text escapes quotes, the empty-element form per tag, and the newline.
 */
import type { XmlNode as Node, Text, XmlDocument } from './types.js';
import type { EscapeStyle } from './escape-text.js';
import { isSpace } from './chars.js';
import { type Source, sourceOf } from './origin.js';

/** The form an element with no content is written in. */
export type EmptyForm = '/>' | ' />' | 'pair';

/** A document's writing style. */
export interface WriteStyle extends EscapeStyle {
  /** Quote character for new attributes. */
  quote: '"' | "'";
  /**
   * Newline used between elements (`''` when the document is on one line); an LF printed afresh is written as it
   * when it is `\r\n` (see `xml/print.ts`).
   */
  newline: '\r\n' | '\n' | '\r' | '';
  /** Empty-element form for each tag seen empty, and for the rest the form most of those tags use. */
  emptyByTag: Map<string, EmptyForm>;
  emptyDefault: EmptyForm;
}

const cache = new WeakMap<XmlDocument, WriteStyle>();
const bySource = new WeakMap<Source, WriteStyle>();

/**
 * The style of `doc`, computed once (only when something has to be printed). A document read from a text has it from
 * what the reader counted as it read that text (a scan of the text for it, as before, cost an eighth of a read of a
 * 100 KB sequence), shared by every document read from the same text: the text never changes. A document built in
 * memory: see {@link learnStyle}.
 */
export function styleOf(doc: XmlDocument): WriteStyle {
  let style = cache.get(doc);
  if (!style) {
    const src = sourceOf(doc);
    style = src ? styleOfText(src) : learnStyle(doc);
    cache.set(doc, style);
  }
  return style;
}

/** The style of a text read, from the reader's tally of it; once however many documents ask. */
export function styleOfText(src: Source): WriteStyle {
  let style = bySource.get(src);
  if (!style) bySource.set(src, (style = src.tally.style()));
  return style;
}

/**
 * Counts toward a style. The reader keeps one as it reads (it meets every tag and run of text anyway), so a document
 * read from a text has its style without a second scan of the text.
 */
export class Tally {
  dq = 0;
  sq = 0;
  quotEsc = 0;
  quotLit = 0;
  aposEsc = 0;
  aposLit = 0;
  crlf = 0;
  lf = 0;
  /** Runs whose line ends are CRs alone (XML 1.0 §2.11 reads each as a line end, as CR LF and LF). */
  cr = 0;
  readonly emptyByTag = new Map<string, EmptyForm>();
  readonly emptyCount = new Map<EmptyForm, number>();

  text(raw: string): void {
    if (raw.includes('&quot;')) this.quotEsc++;
    if (raw.includes('"')) this.quotLit++;
    if (raw.includes('&apos;')) this.aposEsc++;
    if (raw.includes("'")) this.aposLit++;
  }

  /**
   * Whether `text[from, to)` is white space only; if so, its newline counts (CR LF if it holds one, else LF if it
   * holds one, else CR if it holds one). Only this run is looked at: a search past it, for a line end it does not
   * hold, made a scan quadratic.
   */
  whiteSpace(text: string, from: number, to: number): boolean {
    let sawCrlf = false;
    let sawLf = false;
    let sawCr = false;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (!isSpace(c)) return false;
      if (c === 0x0a) {
        if (i > from && text.charCodeAt(i - 1) === 0x0d) sawCrlf = true;
        else sawLf = true;
      } else if (c === 0x0d) sawCr = true;
    }
    this.newlines(sawCrlf, sawLf, sawCr);
    return true;
  }

  /** A run of white space between markup that holds a CR LF (`crlf`), or else an LF (`lf`), or else a CR (`cr`). */
  newlines(crlf: boolean, lf: boolean, cr = false): void {
    if (crlf) this.crlf++;
    else if (lf) this.lf++;
    else if (cr) this.cr++;
  }

  /**
   * An element seen empty. A tag counts once, in the form it is first seen in: the default is the form most tags use,
   * so a tag written empty a hundred times (`<variable …></variable>` in every step) does not outvote the others.
   */
  empty(tag: string, form: EmptyForm): void {
    if (this.emptyByTag.has(tag)) return;
    this.emptyByTag.set(tag, form);
    this.emptyCount.set(form, (this.emptyCount.get(form) ?? 0) + 1);
  }

  style(): WriteStyle {
    let emptyDefault: EmptyForm = '/>';
    let best = 0;
    for (const [form, count] of this.emptyCount) {
      if (count > best) {
        best = count;
        emptyDefault = form;
      }
    }
    return {
      quote: this.sq > this.dq ? "'" : '"',
      textQuot: this.quotEsc > 0 && this.quotLit === 0,
      textApos: this.aposEsc > 0 && this.aposLit === 0,
      newline: this.crlf === 0 && this.lf === 0 && this.cr === 0 ? '' : this.crlf >= this.lf && this.crlf >= this.cr ? '\r\n' : this.lf >= this.cr ? '\n' : '\r',
      emptyByTag: this.emptyByTag,
      emptyDefault,
    };
  }
}

/**
 * The style of a document built in memory. Nodes read from a text and put in it look like that text, so the first
 * such node's text gives the style (the scan of it is shared); with none, only the newline of its white space is
 * learnt, and the rest is the default.
 */
function learnStyle(doc: XmlDocument): WriteStyle {
  const tally = new Tally();
  // Iterative: no depth the reader allows can overflow the call stack.
  const todo: Node[][] = [doc.children];
  while (todo.length) {
    for (const n of todo.pop() as Node[]) {
      // What is no node (a plain-data tree can hold one) says nothing of the style; the printer refuses it.
      if (typeof n !== 'object' || n === null) continue;
      const src = sourceOf(n);
      if (src) return styleOfText(src);
      if (n.kind === 'text') {
        const value: unknown = (n as Text).value;
        if (typeof value === 'string') tally.whiteSpace(value, 0, value.length);
      } else if ('children' in n && Array.isArray(n.children)) todo.push(n.children);
    }
  }
  return tally.style();
}
