/**
 * The byte-exact layer: a strict, non-validating XML 1.0 parser that records the source span of every node.
 *
 * Why not fast-xml-parser here: it accepts mismatched end tags (`<a></b>`), drops a DOCTYPE silently, ignores text
 * after the root and keeps no span of the text a value came from, so its tree cannot be spliced back into the bytes
 * it came from. This parser refuses what is not well-formed, never expands an entity beyond the five predefined ones
 * and character references, refuses any DOCTYPE, gives every value as XML says it (line ends one LF each, XML 1.0
 * §2.11), and keeps enough about every node to copy its source text, line ends as written, on write.
 *
 * This file is the scanning loop; its parts are apart: the text's shared scans (`parse-scanner.ts`), start tags
 * (`parse-start-tag.ts`), the other markup (`parse-markup.ts`), values that are not plain (`parse-decode.ts`), the
 * writing style (`parse-style-scan.ts`) and the tree (`parse-tree.ts`).
 */
import type { XmlElement as Element, XmlDocument } from './types.js';
import { isSpace } from './chars.js';
import { lf } from './entities.js';
import { type Source, SourcedDocument } from './origin.js';
import { NOT_PLAIN, PLAIN_CR, plainText } from './plain-text.js';
import { ValueDecoder } from './parse-decode.js';
import { describeLine, judgeDeclaration, makeFail } from './parse-faults.js';
import { cdataAt, commentAt, instructionCloseAt, judgeText, refuseMarkup } from './parse-markup.js';
import { Scanner } from './parse-scanner.js';
import { StartTagReader } from './parse-start-tag.js';
import { HEAP_CHECK_EVERY, HeapGuard } from './heap-guard.js';
import { StyleScan } from './parse-style-scan.js';
import { TreeBuilder } from './parse-tree.js';
import { type CheckOptions, defaultClassify, type ParsedXml, type ParseWarning, type ParseXmlOptions } from './parse-xml-options.js';
import { RecentLineEnds } from './recent-strings.js';
import { instructionValueAt } from './start-tag-end-at.js';
import { Tally } from './style.js';

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
  const classify = options.classify ?? defaultClassify;
  // The writing style is counted as the text is read (a check builds nothing to print, so it counts nothing): the
  // writer then needs no second scan of the text to print an edit the way the document is written.
  // Whether the text holds a CR at all, for the writer's checks (one search; a check builds no nodes to write).
  const source: Source = { text, cr: !check && text.indexOf('\r') !== -1, tally: new Tally(), home: undefined };
  const tally = check ? undefined : source.tally;
  const warnings: ParseWarning[] = [];
  const len = text.length;
  const fail = makeFail(options);
  const s = new Scanner(text, fail);
  const recent = s.recent;
  const decoder = new ValueDecoder(fail);
  const style = new StyleScan(text);
  // A check builds no tree, so it costs the heap nothing to watch.
  const guard = check ? undefined : HeapGuard.of(text);
  const startTags = new StartTagReader(s, decoder, tally, maxNodes, check, guard);
  const tree = new TreeBuilder(source, check, recent);
  const stack = tree.stack;
  // Made when the first CR is met: a file with LF line ends needs none.
  let recentLf: RecentLineEnds | undefined;
  // The end of the start tag just read, when it was not empty: an end tag right there is an empty element's (`<a></a>`).
  let openEnd = -1;
  let pos = 0;

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
        if (tally) style.newlines(tally, pos, textEnd, cr);
        if (!check || !stack.length) tree.leaf('text', cr ? (recentLf ??= new RecentLineEnds(recent)).get(text, pos, textEnd) : s.slice(pos, textEnd), pos, true);
        pos = textEnd;
        continue;
      }
      const plain = stack.length ? plainText(text, pos, textEnd) : NOT_PLAIN;
      if (plain !== NOT_PLAIN) {
        // Text with nothing to check or decode (a value, mostly): a repeat is found without slicing it.
        if (tally) style.quotes(tally, pos, textEnd);
        if (!check) tree.leaf('text', plain === PLAIN_CR ? (recentLf ??= new RecentLineEnds(recent)).get(text, pos, textEnd) : s.slice(pos, textEnd), pos);
        pos = textEnd;
        continue;
      }
      const raw = text.slice(pos, textEnd);
      judgeText(s, decoder, raw, pos, stack.length > 0, tree.rootSeen);
      tally?.text(raw);
      tree.leaf('text', decoder.text(raw, pos), pos);
      pos = textEnd;
      continue;
    }
    if (++markup > maxNodes) fail('INPUT_TOO_LARGE', `The text has more than ${maxNodes} markup items (option maxNodes).`, pos);
    if ((markup & (HEAP_CHECK_EVERY - 1)) === 0 && guard) {
      const why = guard.check(pos, markup + startTags.attributesRead);
      if (why !== undefined) guard.refuse(fail, why, pos);
    }
    const c1 = text.charCodeAt(pos + 1);
    if (c1 === 0x2f /* / */) {
      const nameAt = pos + 2;
      const tag = s.name(nameAt, 'end tag');
      let at = s.skipSpace(nameAt + tag.length);
      if (text.charCodeAt(at) !== 0x3e) fail('XML_MALFORMED', `Expected '>' to close end tag </${tag}>.`, at);
      // Written `<a></a>` (the end tag right after the start tag, with no space before its '>'): an empty form.
      if (tally && openEnd === pos && at === nameAt + tag.length) tally.empty(tag, 'pair');
      const frame = stack.pop();
      if (!frame) return fail('XML_MALFORMED', `End tag </${tag}> has no matching start tag.`, pos);
      if (frame.tag !== tag) {
        fail('XML_MALFORMED', `End tag </${tag}> does not match start tag <${frame.tag}> (${describeLine(options, frame.start)}).`, pos);
      }
      at++;
      tree.close(frame, at);
      pos = at;
      continue;
    }
    if (c1 === 0x21 /* ! */) {
      if (text.startsWith('<!--', pos)) {
        const value = commentAt(s, decoder, pos);
        tree.leaf('comment', lf(value), pos);
        pos += 7 + value.length;
        continue;
      }
      if (!text.startsWith('<![CDATA[', pos)) refuseMarkup(s, pos);
      const value = cdataAt(s, decoder, pos, stack.length > 0);
      tally?.text(value);
      tree.leaf('cdata', lf(value), pos);
      pos += 12 + value.length;
      continue;
    }
    if (c1 === 0x3f /* ? */) {
      const target = s.name(pos + 2, 'processing instruction target');
      const close = instructionCloseAt(s, pos, target);
      if (target.toLowerCase() === 'xml') {
        const atTop = !stack.length && !tree.rootSeen && !tree.topChildren.some((n) => n.kind !== 'text' && n.kind !== 'comment');
        const warning = judgeDeclaration(text, pos, close, target, options.embedded === true && atTop, options, fail);
        if (warning) warnings.push(warning);
      }
      // The white space that separates the data from the target is not part of it (one character: any more is data,
      // kept so that the value says exactly what is written and a value given reads back as it was given; a CR LF is
      // the one LF it is read as).
      const valueStart = instructionValueAt(text, pos + 2 + target.length, close + 2);
      const value = text.slice(valueStart, close);
      decoder.checkChars(value, valueStart);
      tree.instruction(pos, target, lf(value));
      pos = close + 2;
      continue;
    }
    // A start tag.
    if (!stack.length && tree.rootSeen) fail('XML_MALFORMED', 'A second root element; a document has exactly one.', pos);
    const tag = s.name(pos + 1, 'element');
    if (guard) guard.markup = markup;
    const at = startTags.read(tag, pos, pos + 1 + tag.length);
    if (!startTags.selfClosing) openEnd = at;
    if (stack.length >= maxDepth) fail('XML_TOO_DEEP', `Elements are nested deeper than ${maxDepth} levels (option maxDepth).`, pos);
    const parent = stack.length ? stack[stack.length - 1] : undefined;
    // A check builds nothing, so it needs no kinds.
    const kind = check ? 'element' : classify(tag, parent ? parent.kind : (options.rootParentKind ?? 'document'), parent ? parent.tag : '');
    tree.open(tag, kind, startTags.attributes, pos, startTags.selfClosing, at);
    pos = at;
  }
  if (stack.length) {
    const open = stack[stack.length - 1];
    if (open) fail('XML_MALFORMED', `Element <${open.tag}> is not closed before the end of the input.`, open.start);
  }
  if (!tree.rootSeen) fail('XML_MALFORMED', len === 0 ? 'The input is empty.' : 'The input has no root element.', 0);

  if (check) return undefined;
  const document = new SourcedDocument(source, tree.topChildren) as XmlDocument;
  source.home = document;
  return { document, source, root: tree.root as Element, warnings };
}
