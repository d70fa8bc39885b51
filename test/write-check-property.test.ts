// The writer judges its output as it prints it (only what it prints afresh, and where things stand), instead of parsing
// the whole text again. This holds that judge to the parser's: for random edits of a tree — good ones and every kind
// of bad one, at any place — the writer refuses every text the parser refuses, accepts every other (but a text that
// would read back as another tree), and what it accepts is the text an unchecked print gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequenceText, type Node, type XmlDocument } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';
import { printDocument } from '../lib/xml/print.js';
import { checkWellFormed } from '../lib/xml/parse.js';
import { isXmlName } from '../lib/xml/chars.js';

const xml = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<!-- exported -->',
  '<?app keep?>',
  '<sequence version="3.10">',
  '  <globalVarList>',
  '    <variable name="A" property="B">x ]&amp; y</variable>',
  '    <variable name="C" property="D"><![CDATA[<raw>]]></variable>',
  '  </globalVarList>',
  '  <group name="G">',
  '    <step type="T" name="S1"><action>cmd &gt; out</action></step>',
  '    <note>a]]<b/>]>z<i/>>tail<![CDATA[c]]><!--c--><?p d?></note>',
  '    <step type="T" name="S2"/>',
  '  </group>',
  '</sequence>',
  '',
].join('\r\n');

// A second document to take nodes from: blank texts written as references (which only an element may hold), texts
// that end in `]]` or start with `]>`/`>`, a declaration of its own, and a CDATA value element.
const other = [
  '<?xml version="1.0"?>',
  '<sequence version="3.10"><n>&#32;</n><m>&#x9;&#10;</m><o>a]]</o><p>]>b</p><q>>c</q>',
  '<step type="T" name="S3"><action><![CDATA[x]]]]><![CDATA[>y]]></action></step><!---c--><?q  r?></sequence>',
].join('\n');

/** Every node of the tree with the list that holds it, in document order. */
function places(doc: XmlDocument): { list: Node[]; node: Node }[] {
  const out: { list: Node[]; node: Node }[] = [];
  const todo: Node[][] = [doc.children];
  while (todo.length) {
    const list = todo.pop() as Node[];
    for (const node of list) {
      out.push({ list, node });
      if ('children' in node && Array.isArray(node.children)) todo.push(node.children);
    }
  }
  return out;
}

const names = ['a', 'x:y', '_b', '1bad', 'has space', '', 'é', '\u00d7', 'xml', 'XmL'];
const values = ['plain', 'a & b < c > "d"', 'tab\there', 'line\r\nend', ']]>', ']]', '>', ']', '\u0001', '\ud800', 'a -- b', 'ends-', '?>', ' version="1.0"', ' version="1.0" standalone="maybe"', '', '   '];

type Edit = (doc: XmlDocument, pick: number, a: number, b: number) => void;

const edits: Edit[] = [
  // Remove a node (texts on either side may meet).
  (doc, pick) => {
    const p = places(doc);
    const { list, node } = p[pick % p.length] as { list: Node[]; node: Node };
    list.splice(list.indexOf(node), 1);
  },
  // Move a node elsewhere (the root to the top level, a declaration inside, a CDATA to the top…).
  (doc, pick, a) => {
    const p = places(doc);
    const from = p[pick % p.length] as { list: Node[]; node: Node };
    from.list.splice(from.list.indexOf(from.node), 1);
    const to = places(doc).filter((x) => 'children' in x.node).map((x) => (x.node as { children: Node[] }).children);
    const lists = [doc.children, ...to];
    const list = lists[a % lists.length] as Node[];
    list.splice(a % (list.length + 1), 0, from.node);
  },
  // Insert a new leaf or element anywhere.
  (doc, pick, a, b) => {
    const lists = [doc.children, ...places(doc).filter((x) => 'children' in x.node).map((x) => (x.node as { children: Node[] }).children)];
    const list = lists[pick % lists.length] as Node[];
    const value = values[b % values.length] as string;
    const name = names[a % names.length] as string;
    const fresh: Node[] = [
      { kind: 'text', value },
      { kind: 'comment', value },
      { kind: 'cdata', value },
      { kind: 'instruction', target: name, value },
      { kind: 'element', tag: name, attributes: {}, children: [] },
      { kind: 'element', tag: 'e', attributes: { [name]: value }, children: [{ kind: 'text', value }] },
    ];
    list.splice(b % (list.length + 1), 0, fresh[(a + b) % fresh.length] as Node);
  },
  // Change a property of a node read from source.
  (doc, pick, a, b) => {
    const p = places(doc);
    const { node } = p[pick % p.length] as { node: Node };
    const value = values[b % values.length] as string;
    const name = names[a % names.length] as string;
    if ('tag' in node) {
      if (a % 3 === 0) node.tag = name;
      else if (a % 3 === 1) node.attributes[name] = value;
      else if ('value' in node) node.value = value;
      else node.attributes.name = value;
    } else if (node.kind === 'instruction' && a % 2 === 0) node.target = name;
    else node.value = value;
  },
  // Insert a node of another document (read apart, so its source is another text).
  (doc, pick, a, b) => {
    const p = places(readTaskSequence(other).xml);
    const { node } = p[pick % p.length] as { node: Node };
    const lists = [doc.children, ...places(doc).filter((x) => 'children' in x.node).map((x) => (x.node as { children: Node[] }).children)];
    const list = lists[a % lists.length] as Node[];
    list.splice(b % (list.length + 1), 0, node);
  },
  // Put a node in a second place: a leaf as the same object or a spread copy, an element as a structuredClone (the
  // same element inside itself would be a cycle); a copy has no source and prints afresh.
  (doc, pick, a, b) => {
    const p = places(doc);
    const { node } = p[pick % p.length] as { node: Node };
    const lists = [doc.children, ...places(doc).filter((x) => 'children' in x.node).map((x) => (x.node as { children: Node[] }).children)];
    const list = lists[a % lists.length] as Node[];
    // (A spread element shares its children: put inside itself, that too would be a cycle.)
    const copy = 'tag' in node || b % 3 === 2 ? structuredClone(node) : b % 3 === 0 ? node : { ...node };
    list.splice(b % (list.length + 1), 0, copy);
  },
];

describe('the writer judges what it prints as the parser would', () => {
  it('refuses the edited trees whose printed text the parser refuses, and no other', () => {
    const seen = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(edits.length - 1), fc.nat(200), fc.nat(200), fc.nat(200)), { minLength: 1, maxLength: 4 }), (plan) => {
        const doc = readTaskSequence(xml);
        for (const [e, pick, a, b] of plan) (edits[e] as Edit)(doc.xml, pick, a, b);
        const printed = printDocument(doc.xml);
        const parser = verdict(() => checkWellFormed(printed, { maxDepth: Number.MAX_SAFE_INTEGER, maxNodes: Number.MAX_SAFE_INTEGER }));
        let written = '';
        const writer = verdict(() => (written = writeTaskSequenceText(doc)));
        if (parser !== 'ok') expect(writer).toBe('OUTPUT_MALFORMED');
        // The ways the writer may be stricter: an instruction whose target is not a name or whose value holds '?>'
        // can print as text the parser accepts, but that reads back as another instruction (and text after it), not
        // the tree that was written; a comment or instruction holding a CR prints as text the parser accepts, but
        // reads back with an LF there.
        else if (writer !== 'ok') expect([writer, places(doc.xml).some(({ node }) => (node.kind === 'instruction' && (node.value.includes('?>') || !isXmlName(node.target))) || ((node.kind === 'comment' || node.kind === 'instruction') && node.value.includes('\r')))]).toEqual(['OUTPUT_MALFORMED', true]);
        if (writer === 'ok') {
          expect(written).toBe(printed);
          seen.ok++;
        } else seen.refused++;
      }),
      { numRuns: 3000, seed: 977203 },
    );
    // Both verdicts were met often, so the agreement means something.
    expect(seen.ok).toBeGreaterThan(300);
    expect(seen.refused).toBeGreaterThan(300);
  });

  it('places the fault where the output goes wrong', () => {
    const doc = readTaskSequence(xml);
    const note = places(doc.xml).find((p) => 'tag' in p.node && p.node.tag === 'note')?.node as { children: Node[] };
    // Remove <b/>: "a]]" and "]>z" meet.
    note.children.splice(1, 1);
    expect(() => writeTaskSequenceText(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED', message: expect.stringMatching(/line 11, column \d+ of the output.*\]\]>/) }));
  });
});
