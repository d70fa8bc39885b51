/**
 * The byte-exact layer: a strict, non-validating XML 1.0 parser that records the source span of every node.
 *
 * Why not fast-xml-parser here: it accepts mismatched end tags (`<a></b>`), drops a DOCTYPE silently, ignores text
 * after the root and keeps no span of the text a value came from, so its tree cannot be spliced back into the bytes
 * it came from. This parser refuses what is not well-formed, never expands an entity beyond the five predefined ones
 * and character references, refuses any DOCTYPE, gives every value as XML says it (line ends one LF each, XML 1.0
 * §2.11), and keeps enough about every node to copy its source text, line ends as written, on write.
 */
import type { Attributes, XmlElement as Element, XmlNode as Node, XmlDocument } from './types.js';
import { INVALID_CHAR, isSpace, NAME_AT as NAME } from './chars.js';
import { decodeEntities, EntityError, lf, normalizeAttributeRaw } from './entities.js';
import { type Source, SourcedDocument, SourcedElement, SourcedInstruction, SourcedLeaf, SourcedValueElement } from './origin.js';
import { buildAttributes, emptyAttributes, MAX_LISTED, NameList } from './attribute-lists.js';
import { isPlain, NOT_PLAIN, PLAIN_CR, plainText } from './plain-text.js';
import { describeAt, describeLine, judgeDeclaration, makeFail } from './parse-faults.js';
import { type CheckOptions, defaultClassify, type ParsedXml, type ParseWarning, type ParseXmlOptions } from './parse-xml-options.js';
import { RecentLineEnds, RecentStrings } from './recent-strings.js';
import { instructionValueAt } from './start-tag-end-at.js';
import { Tally } from './style.js';

/** An element whose end tag is still to come. Frames are reused (a free list), so a parse makes one per level. */
class Frame {
  tag = '';
  kind: Element['kind'] = 'element';
  attributes: Attributes = {};
  /** Where this element's children start on the shared child stack. */
  childStart = 0;
  start = 0;
  valueKind = false;
  /**
   * The first text or CDATA child of a value element (`action`, `variable`), held as the element's value: no leaf is
   * made for it unless a second child shows the element is not a value element after all.
   */
  pending: string | undefined = undefined;
  pendingKind: 'text' | 'cdata' = 'text';
  pendingStart = 0;
}

// Memory: the tree is most of what a read costs, so the parser avoids what it can. Children gather on one shared
// stack and each element gets an exactly sized copy (an array grown by push keeps up to 16 spare slots); names and
// short values, which repeat all through a task sequence, are one string each; a value element's text makes no leaf
// (see `recent-strings.ts`); attribute objects are made as `attribute-lists.ts` says.

const VALUE_KINDS = new Set(['action', 'variable']);
/** The attributes of every element a check reads: it builds nothing, so one object serves. */
const CHECKED: Attributes = Object.freeze({});

/** Parses `text` into a tree whose nodes remember their source spans; throws {@link TaskSequenceError} if malformed. */
export function parseXml(text: string, options: ParseXmlOptions = {}): ParsedXml {
  return parse(text, options, false) as ParsedXml;
}

/**
 * Judges `text` exactly as {@link parseXml} does but builds no tree (the memory of one is not spent twice when
 * written output is checked); throws the same {@link TaskSequenceError} if it is not well-formed.
 */
export function checkWellFormed(text: string, options: CheckOptions = {}): void {
  parse(text, options, true);
}

function parse(text: string, options: ParseXmlOptions, check: boolean): ParsedXml | undefined {
  const maxDepth = options.maxDepth ?? 256;
  const maxNodes = options.maxNodes ?? 3_000_000;
  let markup = 0;
  // Attributes are held to the same bound, counted apart: `<` counts no attribute, and one start tag of millions of
  // distinct names (a 36 MB tag took 800 MB of heap and minutes to read and write) was otherwise bounded by nothing
  // but the input's size. A real export has about as many attributes as markup items, so the bound leaves it room.
  let attributeCount = 0;
  const classify = options.classify ?? defaultClassify;
  // The writing style is counted as the text is read (a check builds nothing to print, so it counts nothing): the
  // writer then needs no second scan of the text to print an edit the way the document is written.
  // Whether the text holds a CR at all, for the writer's checks (one search; a check builds no nodes to write).
  const source: Source = { text, cr: !check && text.indexOf('\r') !== -1, tally: new Tally(), home: undefined };
  const tally = check ? undefined : source.tally;
  const warnings: ParseWarning[] = [];
  const len = text.length;
  const fail = makeFail(options);

  const topChildren: Node[] = [];
  const stack: Frame[] = [];
  let root: Element | undefined;
  let rootSeen = false;
  let pos = 0;

  const readName = (at: number, what: string): string => {
    // ASCII names (nearly all of a task sequence) are scanned by hand and, when seen before, returned without a new
    // string; anything else goes through the exact fifth-edition classes.
    let i = at;
    let c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a) {
      do c = text.charCodeAt(++i);
      while ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e);
      if (!(c >= 0x80) || i >= len) return recentName(at, i);
    }
    NAME.lastIndex = at;
    const m = NAME.exec(text);
    if (!m) fail('XML_MALFORMED', `Expected ${what} name ${describeAt(text, at)}.`, at);
    return recent.get((m as RegExpExecArray)[0]);
  };
  const recent = new RecentStrings();
  // Made when the first CR is met: a file with LF line ends needs none.
  let recentLfTable: RecentLineEnds | undefined;
  const recentLf = { get: (t: string, from: number, to: number): string => (recentLfTable ??= new RecentLineEnds(recent)).get(t, from, to) };
  const recentName = (from: number, to: number): string => {
    const known = recent.peek(text, from, to);
    return known ?? recent.get(text.slice(from, to));
  };
  const scratch: Node[] = [];
  const free: Frame[] = [];
  const lists = new NameList(undefined, '', 0);
  const attrNames: string[] = [];
  const attrValues: string[] = [];
  const skipSpace = (at: number): number => {
    while (at < len && isSpace(text.charCodeAt(at))) at++;
    return at;
  };
  const decode = (raw: string, at: number): string => {
    if (INVALID_CHAR.test(raw)) {
      const i = raw.search(INVALID_CHAR);
      fail('XML_MALFORMED', `Character U+${raw.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML.`, at + i);
    }
    if (raw.indexOf('&') === -1) return raw;
    try {
      return decodeEntities(raw);
    } catch (e) {
      if (e instanceof EntityError) fail(e.undefinedName ? 'XML_UNDEFINED_ENTITY' : 'XML_MALFORMED', e.message, at + e.offset);
      throw e;
    }
  };
  // Normalised first (XML 1.0 §3.3.3 for an attribute value, §2.11 for text: a reference is decoded after, so `&#xD;`
  // stays a CR); a bad reference is then reported from the raw text, whose offsets are exact.
  const decodeNormalised = (raw: string, normalised: string, at: number): string => {
    if (normalised === raw) return decode(raw, at);
    try {
      return decode(normalised, at);
    } catch (e) {
      decode(raw, at);
      throw e;
    }
  };
  const decodeAttribute = (raw: string, at: number): string => decodeNormalised(raw, normalizeAttributeRaw(raw), at);
  const decodeText = (raw: string, at: number): string => decodeNormalised(raw, lf(raw), at);
  // Where the next LF, `"` and `'` are at or after the text being read: each search starts where the last one stopped,
  // so finding them for the style costs one pass over the text in all.
  let nextLf = -1;
  let nextDq = -1;
  let nextSq = -1;
  const nextOf = (known: number, char: string, from: number): number => {
    if (known >= from) return known;
    const i = text.indexOf(char, from);
    return i === -1 ? len : i;
  };
  /**
   * Counts the newline of the white space at `[from, to)` as {@link Tally.whiteSpace} does: CR LF if any, else LF,
   * else CR (`cr`: the run holds one).
   */
  const countNewlines = (t: Tally, from: number, to: number, cr: boolean): void => {
    let crlf = false;
    let lf = false;
    for (nextLf = nextOf(nextLf, '\n', from); nextLf < to; nextLf = nextOf(nextLf, '\n', nextLf + 1)) {
      lf = true;
      if (nextLf > from && text.charCodeAt(nextLf - 1) === 0x0d) {
        crlf = true;
        break;
      }
    }
    t.newlines(crlf, lf, cr);
  };
  /** Counts the quotes of text at `[from, to)` that holds no reference, as {@link Tally.text} does. */
  const countQuotes = (t: Tally, from: number, to: number): void => {
    if ((nextDq = nextOf(nextDq, '"', from)) < to) t.quotLit++;
    if ((nextSq = nextOf(nextSq, "'", from)) < to) t.aposLit++;
  };
  // The end of the start tag just read, when it was not empty: an end tag right there is an empty element's (`<a></a>`).
  let openEnd = -1;
  const children = (): Node[] => (stack.length ? scratch : topChildren);
  /** Makes the leaf held as a value element's value a child after all (a second child came). */
  const flushPending = (f: Frame | undefined): void => {
    if (f?.pending === undefined) return;
    scratch.push(new SourcedLeaf(source, f.pendingStart, f.pendingKind, f.pending) as Node);
    f.pending = undefined;
  };
  /**
   * Adds a leaf. White space between elements (`blank`), a third of all nodes, is made a plain `{ kind, value }` with no
   * origin: it means what it says in any place, so the writer needs no origin to copy it (see `xml/print.ts`).
   */
  const addLeaf = (kind: 'text' | 'comment' | 'cdata', value: string, start: number, blank = false): void => {
    if (check && stack.length) return;
    // No read at index -1 (outside the root): V8 throws away optimised code that reads past an array's end.
    const top = stack.length ? stack[stack.length - 1] : undefined;
    if (top?.valueKind && kind !== 'comment' && top.pending === undefined && scratch.length === top.childStart) {
      top.pending = value;
      top.pendingKind = kind;
      top.pendingStart = start;
      return;
    }
    flushPending(top);
    children().push(blank ? { kind: 'text', value } : (new SourcedLeaf(source, start, kind, value) as Node));
  };

  while (pos < len) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt === -1 ? len : lt;
    if (textEnd > pos) {
      // Indentation, most of the text there is: white space only needs no checks, and repeats share one string. A
      // value's line ends are one LF each (the tally counts them as written).
      let w = pos;
      let cr = false;
      // Never reads past the text: a read at its end (the line end after the root) made V8 throw away the parser's
      // optimised code, at a cost of a second and third optimisation per thread (about 90 ms of compiling each).
      for (; w < textEnd; w++) {
        const c = text.charCodeAt(w);
        if (!isSpace(c)) break;
        if (c === 0x0d) cr = true;
      }
      if (w === textEnd) {
        if (tally) countNewlines(tally, pos, textEnd, cr);
        if (!check || !stack.length) addLeaf('text', cr ? recentLf.get(text, pos, textEnd) : textEnd - pos <= 64 ? (recent.peek(text, pos, textEnd) ?? recent.get(text.slice(pos, textEnd))) : text.slice(pos, textEnd), pos, true);
        pos = textEnd;
        continue;
      }
      const plain = stack.length ? plainText(text, pos, textEnd) : NOT_PLAIN;
      if (plain !== NOT_PLAIN) {
        // Text with nothing to check or decode (a value, mostly): a repeat is found without slicing it.
        if (tally) countQuotes(tally, pos, textEnd);
        if (!check) addLeaf('text', plain === PLAIN_CR ? recentLf.get(text, pos, textEnd) : textEnd - pos <= 64 ? (recent.peek(text, pos, textEnd) ?? recent.get(text.slice(pos, textEnd))) : text.slice(pos, textEnd), pos);
        pos = textEnd;
        continue;
      }
      const raw = text.slice(pos, textEnd);
      if (!stack.length) {
        // A character no XML text may hold is named as such (a NUL before the root was "text before the root element").
        if (INVALID_CHAR.test(raw)) decode(raw, pos);
        for (let i = 0; i < raw.length; i++) {
          if (!isSpace(raw.charCodeAt(i))) {
            fail('XML_MALFORMED', rootSeen ? 'Text after the root element.' : 'Text before the root element.', pos + i);
          }
        }
      } else if (raw.indexOf(']]>') !== -1) {
        fail('XML_MALFORMED', "']]>' is not allowed in text.", pos + raw.indexOf(']]>'));
      }
      tally?.text(raw);
      addLeaf('text', decodeText(raw, pos), pos);
      pos = textEnd;
      continue;
    }
    if (++markup > maxNodes) fail('INPUT_TOO_LARGE', `The text has more than ${maxNodes} markup items (option maxNodes).`, pos);
    const c1 = text.charCodeAt(pos + 1);
    if (c1 === 0x2f /* / */) {
      const nameAt = pos + 2;
      const tag = readName(nameAt, 'end tag');
      let at = skipSpace(nameAt + tag.length);
      if (text.charCodeAt(at) !== 0x3e) fail('XML_MALFORMED', `Expected '>' to close end tag </${tag}>.`, at);
      // Written `<a></a>` (the end tag right after the start tag, with no space before its '>'): an empty form.
      if (tally && openEnd === pos && at === nameAt + tag.length) tally.empty(tag, 'pair');
      const frame = stack.pop();
      if (!frame) fail('XML_MALFORMED', `End tag </${tag}> has no matching start tag.`, pos);
      const f = frame as Frame;
      if (f.tag !== tag) {
        fail('XML_MALFORMED', `End tag </${tag}> does not match start tag <${f.tag}> (${describeLine(options, f.start)}).`, pos);
      }
      at++;
      closeElement(f, at);
      pos = at;
      continue;
    }
    if (c1 === 0x21 /* ! */) {
      if (text.startsWith('<!--', pos)) {
        const close = text.indexOf('-->', pos + 4);
        if (close === -1) fail('XML_MALFORMED', 'Comment is not closed with -->.', pos);
        const value = text.slice(pos + 4, close);
        const dd = value.indexOf('--');
        if (dd !== -1 || value.endsWith('-')) fail('XML_MALFORMED', "'--' is not allowed inside a comment.", pos + 4 + (dd === -1 ? value.length - 1 : dd));
        if (INVALID_CHAR.test(value)) decode(value, pos + 4);
        addLeaf('comment', lf(value), pos);
        pos = close + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', pos)) {
        if (!stack.length) fail('XML_MALFORMED', 'CDATA section outside the root element.', pos);
        const close = text.indexOf(']]>', pos + 9);
        if (close === -1) fail('XML_MALFORMED', 'CDATA section is not closed with ]]>.', pos);
        const value = text.slice(pos + 9, close);
        if (INVALID_CHAR.test(value)) decode(value, pos + 9);
        tally?.text(value);
        addLeaf('cdata', lf(value), pos);
        pos = close + 3;
        continue;
      }
      if (/^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/.test(text.slice(pos, pos + 10))) {
        fail('XML_DOCTYPE_FORBIDDEN', 'DOCTYPE and entity declarations are refused: a task sequence never has one, and entities are never expanded.', pos);
      }
      fail('XML_MALFORMED', `Unexpected markup ${describeAt(text, pos)}.`, pos);
    }
    if (c1 === 0x3f /* ? */) {
      const target = readName(pos + 2, 'processing instruction target');
      const close = text.indexOf('?>', pos + 2 + target.length);
      if (close === -1) fail('XML_MALFORMED', `Processing instruction <?${target} is not closed with ?>.`, pos);
      const afterTarget = pos + 2 + target.length;
      if (afterTarget < close && !isSpace(text.charCodeAt(afterTarget))) fail('XML_MALFORMED', `Expected a space after <?${target}.`, afterTarget);
      if (target.toLowerCase() === 'xml') {
        const atTop = !stack.length && !rootSeen && !topChildren.some((n) => n.kind !== 'text' && n.kind !== 'comment');
        const lenient = options.embedded === true && atTop;
        const warning = judgeDeclaration(text, pos, close, target, lenient, options, fail);
        if (warning) warnings.push(warning);
      }
      // The white space that separates the data from the target is not part of it (one character: any more is data,
      // kept so that the value says exactly what is written and a value given reads back as it was given; a CR LF is
      // the one LF it is read as).
      const valueStart = instructionValueAt(text, afterTarget, close + 2);
      const value = text.slice(valueStart, close);
      if (INVALID_CHAR.test(value)) decode(value, valueStart);
      if (!check || !stack.length) {
        if (stack.length) flushPending(stack[stack.length - 1]);
        children().push(new SourcedInstruction(source, pos, target, lf(value)));
      }
      pos = close + 2;
      continue;
    }
    // A start tag.
    if (!stack.length && rootSeen) fail('XML_MALFORMED', 'A second root element; a document has exactly one.', pos);
    const tag = readName(pos + 1, 'element');
    // The names and values read, and the list of names met so far (undefined once the list is unusual).
    let count = 0;
    let list: NameList | undefined = lists;
    // The names read, for a list too long or unusual for the trie: a name written twice is still found at once.
    let seen: Set<string> | undefined;
    let at = pos + 1 + tag.length;
    let selfClosing = false;
    for (;;) {
      const ws = skipSpace(at);
      const c = text.charCodeAt(ws);
      if (c === 0x3e /* > */) {
        at = ws + 1;
        openEnd = at;
        break;
      }
      if (c === 0x2f /* / */ && text.charCodeAt(ws + 1) === 0x3e) {
        at = ws + 2;
        selfClosing = true;
        tally?.empty(tag, text.charCodeAt(ws - 1) === 0x20 ? ' />' : '/>');
        break;
      }
      if (ws >= len) fail('XML_MALFORMED', `Start tag <${tag}> is not closed.`, pos);
      if (ws === at) fail('XML_MALFORMED', `Expected whitespace, '>' or '/>' in start tag <${tag}> ${describeAt(text, ws)}.`, ws);
      if (++attributeCount > maxNodes) fail('INPUT_TOO_LARGE', `The text has more than ${maxNodes} attributes (option maxNodes bounds them as it bounds markup items).`, ws);
      const name = readName(ws, 'attribute');
      const eq = skipSpace(ws + name.length);
      if (text.charCodeAt(eq) !== 0x3d /* = */) fail('XML_MALFORMED', `Attribute ${name} of <${tag}> has no '=' and value.`, eq);
      const q = skipSpace(eq + 1);
      const quote = text.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) fail('XML_MALFORMED', `Value of attribute ${name} of <${tag}> must be quoted.`, q);
      // The style's quote is the one each start tag's first attribute is written with.
      if (count === 0 && tally) {
        if (quote === 0x22) tally.dq++;
        else tally.sq++;
      }
      const endQ = text.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (endQ === -1) fail('XML_MALFORMED', `Value of attribute ${name} of <${tag}> is not closed.`, q);
      if (list) {
        let next = list.next.get(name);
        if (!next) {
          if (list.has(name)) fail('XML_MALFORMED', `Attribute ${name} appears twice in <${tag}>.`, ws);
          if (list.length < MAX_LISTED && name !== '__proto__') list.next.set(name, (next = new NameList(list, name, list.length + 1)));
          else seen = new Set(attrNames.slice(0, count));
        }
        list = next;
      } else if ((seen as Set<string>).has(name)) fail('XML_MALFORMED', `Attribute ${name} appears twice in <${tag}>.`, ws);
      let value: string;
      if (isPlain(text, q + 1, endQ)) {
        // Nothing to check, decode or normalise (nearly every value): a repeat is found without slicing it.
        value = endQ - q - 1 <= 64 ? (recent.peek(text, q + 1, endQ) ?? recent.get(text.slice(q + 1, endQ))) : text.slice(q + 1, endQ);
      } else {
        const raw = text.slice(q + 1, endQ);
        const lt2 = raw.indexOf('<');
        if (lt2 !== -1) {
          // The first fault is named: a bad reference before the '<' throws here.
          decodeAttribute(raw.slice(0, lt2), q + 1);
          fail('XML_MALFORMED', `'<' is not allowed in the value of attribute ${name}.`, q + 1 + lt2);
        }
        const decoded = decodeAttribute(raw, q + 1);
        value = check ? decoded : recent.get(decoded);
      }
      attrNames[count] = name;
      attrValues[count++] = value;
      if (!list) (seen as Set<string>).add(name);
      at = endQ + 1;
    }
    // A check builds nothing, so it needs no attributes.
    const make = count === 0 || check ? undefined : list?.maker();
    const attributes: Attributes = check ? CHECKED : count === 0 ? emptyAttributes() : make ? make(attrValues) : buildAttributes(attrNames, attrValues, count);
    if (stack.length >= maxDepth) fail('XML_TOO_DEEP', `Elements are nested deeper than ${maxDepth} levels (option maxDepth).`, pos);
    const parent = stack.length ? (stack[stack.length - 1] as Frame) : undefined;
    // A check builds nothing, so it needs no kinds.
    const kind = check ? 'element' : classify(tag, parent ? parent.kind : (options.rootParentKind ?? 'document'), parent ? parent.tag : '');
    const frame = free.pop() ?? new Frame();
    frame.tag = tag;
    frame.kind = kind;
    frame.attributes = attributes;
    frame.childStart = scratch.length;
    frame.start = pos;
    frame.valueKind = !check && VALUE_KINDS.has(kind);
    frame.pending = undefined;
    if (selfClosing) closeElement(frame, at);
    else stack.push(frame);
    pos = at;
  }
  if (stack.length) {
    const open = stack[stack.length - 1] as Frame;
    fail('XML_MALFORMED', `Element <${open.tag}> is not closed before the end of the input.`, open.start);
  }
  if (!rootSeen) fail('XML_MALFORMED', len === 0 ? 'The input is empty.' : 'The input has no root element.', 0);

  if (check) return undefined;
  const document = new SourcedDocument(source, topChildren) as XmlDocument;
  source.home = document;
  return { document, source, root: root as Element, warnings };

  function closeElement(f: Frame, end: number): void {
    free.push(f);
    if (!stack.length) rootSeen = true;
    if (check) return;
    let node: Element;
    if (f.valueKind && scratch.length === f.childStart) {
      node = new SourcedValueElement(source, f.start, end, f.kind, f.tag, f.attributes, f.pending === undefined ? '' : recent.get(f.pending));
    } else {
      const kids = scratch.length > f.childStart ? scratch.slice(f.childStart) : [];
      scratch.length = f.childStart;
      if (f.valueKind && kids.every((c) => c.kind === 'text' || c.kind === 'cdata')) {
        // Joined, not concatenated: a flat string costs less to keep than a chain of pieces.
        node = new SourcedValueElement(source, f.start, end, f.kind, f.tag, f.attributes, recent.get(kids.map((c) => (c as { value: string }).value).join('')));
      } else {
        node = new SourcedElement(source, f.start, end, f.valueKind ? 'element' : f.kind, f.tag, f.attributes, kids);
      }
    }
    if (stack.length) {
      flushPending(stack[stack.length - 1]);
      scratch.push(node);
    } else {
      topChildren.push(node);
      root = node;
    }
  }
}
