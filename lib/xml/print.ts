/**
 * The writer: copies the source text of every node that still matches what was read, and prints only what was edited
 * or added. With no edit the output is the input text; with one edit exactly one region differs.
 */
import type { Element, Node, XmlDocument } from '../model/types.js';
import { cdataSection, decodeEntities, escapeAttribute, escapeText } from './entities.js';
import { type ElementOrigin, type LeafOrigin, originOf, type Source } from './origin.js';
import { type EmptyForm, styleOf, type WriteStyle } from './style.js';

/** Collects output, merging adjacent copies from the same source into one slice. */
class Out {
  private readonly parts: string[] = [];
  private src: Source | undefined;
  private from = 0;
  private to = 0;

  copy(src: Source, start: number, end: number): void {
    if (src === this.src && start === this.to) {
      this.to = end;
      return;
    }
    this.flush();
    this.src = src;
    this.from = start;
    this.to = end;
  }

  push(text: string): void {
    this.flush();
    this.parts.push(text);
  }

  private flush(): void {
    if (this.src) {
      this.parts.push(this.src.text.slice(this.from, this.to));
      this.src = undefined;
    }
  }

  finish(): string {
    this.flush();
    return this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
  }
}

/** Options for {@link printDocument}. */
export interface PrintOptions {
  /** Raw text to write instead of a node (used to put an edited embedded sequence back into its CDATA). */
  overrides?: Map<Node, string>;
}

/** Prints a document tree back to text. */
export function printDocument(doc: XmlDocument, options: PrintOptions = {}): string {
  const printer = new Printer(doc, options.overrides);
  const out = new Out();
  for (const child of doc.children) printer.node(child, out);
  return out.finish();
}

/** Prints one node (and its subtree) the way {@link printDocument} would inside `doc`. */
export function printNode(node: Node, doc: XmlDocument): string {
  const out = new Out();
  new Printer(doc, undefined).node(node, out);
  return out.finish();
}

/** Whether two child lists hold the same nodes in the same order. */
function sameList(a: Node[], b: Node[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameAttributes(attributes: Record<string, string>, flat: string[]): boolean {
  let i = 0;
  for (const name in attributes) {
    if (flat[i] !== name || flat[i + 1] !== attributes[name]) return false;
    i += 2;
  }
  return i === flat.length;
}

class Printer {
  private styleCache: WriteStyle | undefined;

  constructor(
    private readonly doc: XmlDocument,
    private readonly overrides: Map<Node, string> | undefined,
  ) {}

  private get style(): WriteStyle {
    return (this.styleCache ??= styleOf(this.doc));
  }

  node(node: Node, out: Out): void {
    const override = this.overrides?.get(node);
    if (override !== undefined) {
      out.push(override);
      return;
    }
    switch (node.kind) {
      case 'text':
      case 'comment':
      case 'cdata':
      case 'instruction': {
        const o = originOf(node) as LeafOrigin | undefined;
        if (o && o.value === node.value && (node.kind !== 'instruction' || o.target === node.target)) out.copy(o.src, o.start, o.end);
        else out.push(this.freshLeaf(node));
        return;
      }
      default:
        this.element(node, out);
    }
  }

  private freshLeaf(node: Exclude<Node, Element>): string {
    switch (node.kind) {
      case 'text':
        return escapeText(node.value, this.style);
      case 'comment':
        return `<!--${node.value}-->`;
      case 'cdata':
        return cdataSection(node.value);
      case 'instruction':
        return `<?${node.target}${node.value && !/^\s/.test(node.value) ? ' ' : ''}${node.value}?>`;
    }
  }

  private element(node: Element, out: Out): void {
    let o = originOf(node) as ElementOrigin | undefined;
    if (o && o.tag !== node.tag) o = undefined;
    const empty = 'value' in node ? node.value === '' : node.children.length === 0;
    if (!o) {
      out.push(this.freshStartTag(node, empty));
      if (!empty) {
        this.content(node, undefined, out);
        out.push(`</${node.tag}>`);
      }
      return;
    }
    const attrsSame = sameAttributes(node.attributes, o.attrs);
    if (o.selfClosing) {
      if (empty) {
        if (attrsSame) out.copy(o.src, o.start, o.end);
        else out.push(this.startTag(node, o, true));
        return;
      }
      out.push(this.startTag(node, o, false));
      this.content(node, o, out);
      out.push(`</${node.tag}>`);
      return;
    }
    if (attrsSame) out.copy(o.src, o.start, o.startTagEnd);
    else out.push(this.startTag(node, o, false));
    this.content(node, o, out);
    out.copy(o.src, o.contentEnd, o.end);
  }

  private content(node: Element, o: ElementOrigin | undefined, out: Out): void {
    if ('value' in node) {
      if (o && o.value === node.value) {
        out.copy(o.src, o.startTagEnd, o.contentEnd);
        return;
      }
      const wasCdata = o !== undefined && !o.selfClosing && o.src.text.startsWith('<![CDATA[', o.startTagEnd);
      out.push(wasCdata ? cdataSection(node.value) : escapeText(node.value, this.style));
      return;
    }
    for (const child of node.children) this.node(child, out);
  }

  private emptyForm(tag: string): EmptyForm {
    // With no empty <variable> to learn from, write it as ConfigMgr does (`<variable …></variable>`).
    return this.style.emptyByTag.get(tag) ?? (tag === 'variable' ? 'pair' : this.style.emptyDefault);
  }

  private freshStartTag(node: Element, empty: boolean): string {
    const q = this.style.quote;
    let s = `<${node.tag}`;
    for (const name in node.attributes) s += ` ${name}=${q}${escapeAttribute(node.attributes[name] as string, q)}${q}`;
    if (!empty) return `${s}>`;
    const form = this.emptyForm(node.tag);
    return form === 'pair' ? `${s}></${node.tag}>` : s + form;
  }

  /** Reprints an edited start tag, keeping the spelling and spacing of every attribute that did not change. */
  private startTag(node: Element, o: ElementOrigin, selfClose: boolean): string {
    const text = o.src.text;
    const spans = scanAttributes(text, o.start + 1 + o.tag.length, o.startTagEnd);
    const byName = new Map(spans.map((a) => [a.name, a]));
    const q = spans[0]?.quote ?? this.style.quote;
    let s = `<${node.tag}`;
    for (const name in node.attributes) {
      const value = node.attributes[name] as string;
      const a = byName.get(name);
      if (!a) s += ` ${name}=${q}${escapeAttribute(value, q)}${q}`;
      else if (a.value === value) s += text.slice(a.wsStart, a.valueEnd + 1);
      else s += text.slice(a.wsStart, a.valueStart) + escapeAttribute(value, a.quote) + a.quote;
    }
    const tailStart = spans.length ? (spans[spans.length - 1] as AttributeSpan).valueEnd + 1 : o.start + 1 + o.tag.length;
    let tail = text.slice(tailStart, o.startTagEnd);
    if (o.selfClosing && !selfClose) tail = tail.replace(/\s*\/>$/, '>');
    return s + tail;
  }
}

interface AttributeSpan {
  name: string;
  value: string;
  /** Offset of the whitespace before the name. */
  wsStart: number;
  /** Offset just after the opening quote. */
  valueStart: number;
  /** Offset of the closing quote. */
  valueEnd: number;
  quote: '"' | "'";
}

/** Re-scans the attributes of a start tag already known to be well-formed (the edit path only). */
function scanAttributes(text: string, from: number, to: number): AttributeSpan[] {
  const spans: AttributeSpan[] = [];
  const re = /(\s+)([^\s=/>]+)\s*=\s*(["'])/y;
  let at = from;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || m.index >= to) break;
    const quote = m[3] as '"' | "'";
    const valueStart = re.lastIndex;
    const valueEnd = text.indexOf(quote, valueStart);
    spans.push({ name: m[2] as string, value: decodeForCompare(text.slice(valueStart, valueEnd)), wsStart: at, valueStart, valueEnd, quote });
    at = valueEnd + 1;
  }
  return spans;
}

/** The value as the parser decoded it, to tell an unchanged attribute from an edited one. */
function decodeForCompare(raw: string): string {
  return raw.indexOf('&') === -1 ? raw : decodeEntities(raw);
}

/** Whether a node and its whole subtree print exactly as their source. */
export function isUnchanged(node: Node): boolean {
  const o = originOf(node);
  if (!o) return false;
  switch (node.kind) {
    case 'text':
    case 'comment':
    case 'cdata':
      return (o as LeafOrigin).value === node.value;
    case 'instruction':
      return (o as LeafOrigin).value === node.value && (o as LeafOrigin).target === node.target;
    default: {
      const eo = o as ElementOrigin;
      if (eo.tag !== node.tag || !sameAttributes(node.attributes, eo.attrs)) return false;
      if ('value' in node) return eo.value === node.value;
      if (!eo.children || !sameList(node.children, eo.children)) return false;
      for (const c of node.children) if (!isUnchanged(c)) return false;
      return true;
    }
  }
}

