// An edited embedded sequence is written back into its holder changing only what changed: the held text before the
// first change and after the last is copied as the file writes it, whatever its form (one CDATA section, escaped text
// written otherwise than cmts escapes, sections split where the text holds `]]>`, text and sections mixed by hand).
// Written whole, in the first holder's form, a mixed holder became one CDATA section, a split one escaped text, and
// escaped text with a literal `>` had every `>` rewritten.
import { describe, expect, it } from 'vitest';
import { splicedHeldText } from '../lib/containers/held-splice.js';
import { readHeldText } from '../lib/containers/held-text.js';
import { heldText } from '../lib/xml/escape-text.js';
import { referenceUnencodable } from '../lib/xml/single-byte.js';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';
import { readFileSync } from 'node:fs';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const RUN = 'SMS_TaskSequence_RunCommandLineAction';
const objectXml = (value: string): string =>
  `<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\r\n  <PROPERTY NAME="Sequence" TYPE="string">\r\n    <VALUE>${value}</VALUE>\r\n  </PROPERTY>\r\n</INSTANCE>\r\n`;
const smsPackage = (value: string): string => `<SmsTaskSequencePackage>\n  <SequenceData>${value}</SequenceData>\n</SmsTaskSequencePackage>\n`;
const cdata = (s: string): string => `<![CDATA[${s}]]>`;
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const first = `<sequence version="3.10">\r\n<step name="a" type="${RUN}"><action>x</action></step>\r\n`;
const second = `<step name="c" type="${RUN}"><action>y &amp; z</action></step>\r\n</sequence>`;

/** The holder forms: each written as a file would write it, none as cmts would write it afresh. */
const FORMS: [string, string][] = [
  ['one CDATA section', cdata(first + second)],
  ['escaped text with literal > and a numeric reference', esc(first).replace('&lt;action', '&#60;action') + esc(second)],
  ['escaped text, then a CDATA section', esc(first) + cdata(second)],
  ['a CDATA section, then escaped text', cdata(first) + esc(second)],
  ['CDATA sections split where the text holds ]]>', cdata('<sequence version="3.10">\r\n<step name="a]]') + cdata(`>b" type="${RUN}"><action>x</action></step>\r\n`) + cdata(second)],
];

function renamed(input: string, index: number, name: string): string {
  const doc = readTaskSequence(input);
  (doc.steps()[index] as { node: { attributes: Record<string, string> } }).node.attributes.name = name;
  return Buffer.from(writeTaskSequence(doc)).toString();
}

describe('an edited embedded sequence keeps the form of its holder', () => {
  for (const [form, held] of FORMS) {
    for (const [container, wrap] of [['object.xml', objectXml], ['2007 export', smsPackage]] as const) {
      it(`${form}, in ${container}: only the edited name changes`, () => {
        const input = wrap(held);
        // The second step's name, in the last stretch of every form: written as the file writes the text there.
        const out = renamed(input, 1, 'c2');
        expect(out).toBe(input.replace('name="c"', 'name="c2"'));
        const back = readTaskSequence(out);
        expect(back.steps().map((s) => s.node.attributes.name)).toEqual([form.startsWith('CDATA sections split') ? 'a]]>b' : 'a', 'c2']);
      });
    }
  }

  it('an edit across the boundary of two stretches reads back, with what stands around it as written', () => {
    const input = objectXml(esc(first) + cdata(second));
    const doc = readTaskSequence(input);
    const steps = doc.steps();
    // Both names: the middle runs from the first stretch into the second.
    (steps[0] as { node: { attributes: Record<string, string> } }).node.attributes.name = 'a2';
    (steps[1] as { node: { attributes: Record<string, string> } }).node.attributes.name = 'c2';
    const out = Buffer.from(writeTaskSequence(doc)).toString();
    expect(readTaskSequence(out).steps().map((s) => s.node.attributes.name)).toEqual(['a2', 'c2']);
    const head = input.slice(0, input.indexOf('name="a"'));
    const tail = input.slice(input.indexOf('name="c"') + 'name="c"'.length);
    expect(out.startsWith(head) && out.endsWith(tail)).toBe(true);
  });
});

describe('splicedHeldText', () => {
  const splice = (file: string, after: string): string | undefined => {
    const { text, segments } = readHeldText(file, 0, file.length);
    return splicedHeldText(file, 0, file.length, segments, text, after, { textQuot: false, textApos: false });
  };

  it('writes a new ]]> in a CDATA section split, as a writer splits one', () => {
    const raw = splice(cdata('a b c'), 'a ]]> c') as string;
    expect(raw).toBe('<![CDATA[a ]]]]><![CDATA[> c]]>');
    expect(readHeldText(raw, 0, raw.length).text).toBe('a ]]> c');
  });

  it('gives up where the middle would make ]]> with the text before it, for the text to be written whole', () => {
    // `a]` kept, `]>` new: spliced, `<![CDATA[a]]]>x]]>` ends the section early and leaves `x]]>` as text.
    expect(splice(cdata('a]x'), 'a]]>x')).toBeUndefined();
  });

  it('never splits a reference that writes a surrogate pair', () => {
    // The pairs differ in their second half only: the middle is the whole character, and the literal '>' before it,
    // which cmts would escape, is copied as written.
    const raw = splice('x>a&#x1F600;b', 'x>a\u{1F601}b') as string;
    expect(raw).toBe('x>a\u{1F601}b');
    expect(splice('x>a&#x1F600;b', 'x>a\u{1F600}c')).toBe('x>a&#x1F600;c');
  });

  it('leaves no empty section where an escaped middle runs to the end of a section, or a section is all deleted', () => {
    // Escaped text, then a section: a middle written as text up to the section's end used to open it again, empty.
    expect(splice('ab' + cdata('cd'), 'abXY')).toBe('abXY');
    expect(splice('ab' + cdata('cd'), 'abX')).toBe('abX');
    // A section whose text is all deleted goes, with what stands around it kept as written.
    expect(splice('a>' + cdata('cd') + 'e', 'a>e')).toBe('a>e');
    expect(splice(cdata('a'), '')).toBe('');
    // Text that only looks like a section's start, inside a section, is text: kept.
    expect(splice(cdata('x<![CDATA[y'), 'x<![CDATA[')).toBe(cdata('x<![CDATA['));
    // So is a middle written in the section that ends in it: the section's own end stays, closing it.
    expect(splice(cdata('xa'), 'x<![CDATA[')).toBe(cdata('x<![CDATA['));
    expect(splice(cdata('a'), '<![CDATA[')).toBe(cdata('<![CDATA['));
  });

  it('keeps the empty section where the run meets white space outside it, which text there would join', () => {
    // The element's held text is from its first section or text that is not white space to its last: a run that starts
    // or ends with a section and is written starting or ending with text would take in the white space beside it.
    const inElement = (run: string, after: string, encoding?: 'iso-8859-1'): string | undefined => {
      const file = `<V>\n${run}\n</V>`;
      const { text, segments } = readHeldText(file, 4, 4 + run.length);
      return splicedHeldText(file, 4, 4 + run.length, segments, text, after, { textQuot: false, textApos: false }, encoding);
    };
    expect(inElement(cdata('a'), '\u20ACa', 'iso-8859-1')).toBe('<![CDATA[]]>&#x20AC;<![CDATA[a]]>');
    expect(inElement('&lt;a/>' + cdata('x'), '<a/>')).toBe('&lt;a/><![CDATA[]]>');
    // With markup beside it, the section goes.
    const file = `<V>${cdata('a')}</V>`;
    const { text, segments } = readHeldText(file, 3, file.length - 4);
    expect(splicedHeldText(file, 3, file.length - 4, segments, text, '\u20ACa', { textQuot: false, textApos: false }, 'iso-8859-1')).toBe('&#x20AC;<![CDATA[a]]>');
  });

  it('at a boundary, continues the stretch that ends there and resumes the next as written', () => {
    // Text then a section: an insertion where they meet is written as text, and the section opened again after it.
    expect(splice('&lt;a' + cdata('<b/>'), '<aX<b/>')).toBe('&lt;aX<![CDATA[<b/>]]>');
    // A section then text: written in the section, closed before the text.
    expect(splice(cdata('<a') + '&lt;b/>', '<aX<b/>')).toBe('<![CDATA[<aX]]>&lt;b/>');
  });
});

describe('an edited embedded sequence in a single-byte document', () => {
  // The held text of escaped stretches decodes `&#x20AC;` to a character ISO-8859-1 has no byte for, and the inner
  // printer copies the text it did not edit as it reads: written back as it is, the encoder refused it.
  const latin1 = (value: string): Uint8Array => Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\r\n${objectXml(value)}`, 'latin1');
  const inner = `<sequence version="3.10">\r\n<step name="a" type="${RUN}"><action>x</action></step>\r\n<step name="b" type="${RUN}"><action>\u20AC</action></step>\r\n<step name="c" type="${RUN}"><action>y</action></step>\r\n</sequence>`;
  const cut = inner.indexOf('<step name="b"');
  const euro = (s: string): string => esc(s).replace('\u20AC', '&#x20AC;');
  const HOLDERS: [string, string][] = [
    ['escaped text', euro(inner)],
    ['a CDATA section, then escaped text', cdata(inner.slice(0, cut)) + euro(inner.slice(cut))],
  ];
  for (const [form, held] of HOLDERS) {
    it(`${form}: a character only a reference wrote, inside the changed middle, is written as one`, () => {
      const doc = readTaskSequence(latin1(held));
      const steps = doc.steps() as { node: { attributes: Record<string, string> } }[];
      // The middle runs from the first step's name to the last one's, over the step that holds the euro sign.
      (steps[0] as { node: { attributes: Record<string, string> } }).node.attributes.name = 'a2';
      (steps[2] as { node: { attributes: Record<string, string> } }).node.attributes.name = 'c2';
      const out = writeTaskSequence(doc);
      const back = readTaskSequence(out);
      expect(back.steps().map((s) => s.node.attributes.name)).toEqual(['a2', 'b', 'c2']);
      expect(back.embedded?.original).toBe(inner.replace('"a"', '"a2"').replace('"c"', '"c2"'));
    });
  }

  it('written whole in CDATA form, such a character makes the text escaped, with a reference for it', () => {
    expect(heldText('<a>\u20AC</a>', true, { textQuot: false, textApos: false }, 'iso-8859-1')).toBe('&lt;a&gt;&#x20AC;&lt;/a&gt;');
    expect(heldText('<a>\u00E9</a>', true, { textQuot: false, textApos: false }, 'iso-8859-1')).toBe('<![CDATA[<a>\u00E9</a>]]>');
  });

  it('a CDATA middle closes its section around such a character', () => {
    const file = cdata('<a>x</a>');
    const { text, segments } = readHeldText(file, 0, file.length);
    const raw = splicedHeldText(file, 0, file.length, segments, text, '<a>\u20AC]]>\u{1F600}</a>', { textQuot: false, textApos: false }, 'iso-8859-1') as string;
    expect(raw).toBe('<![CDATA[<a>]]>&#x20AC;<![CDATA[]]]]><![CDATA[>]]>&#x1F600;<![CDATA[</a>]]>');
    expect(readHeldText(raw, 0, raw.length).text).toBe('<a>\u20AC]]>\u{1F600}</a>');
    // The section the character stood in from its start or to its end: no empty section is left on that side.
    const whole = (after: string): string | undefined => splicedHeldText(file, 0, file.length, segments, text, after, { textQuot: false, textApos: false }, 'iso-8859-1');
    expect(whole('<a>x</a>\u20AC')).toBe('<![CDATA[<a>x</a>]]>&#x20AC;');
    expect(whole('\u20AC<a>x</a>')).toBe('&#x20AC;<![CDATA[<a>x</a>]]>');
    expect(whole('\u20AC')).toBe('&#x20AC;');
    // A section's content that ends in what looks like a section's start is text, and stays.
    const looks = cdata('x<![CDATA[');
    const held = readHeldText(looks, 0, looks.length);
    const raw2 = splicedHeldText(looks, 0, looks.length, held.segments, held.text, 'x<![CDATA[\u20AC', { textQuot: false, textApos: false }, 'iso-8859-1') as string;
    expect(raw2).toBe('<![CDATA[x<![CDATA[]]>&#x20AC;');
    expect(readHeldText(raw2, 0, raw2.length).text).toBe('x<![CDATA[\u20AC');
    // A section's middle that ends in such a character, before escaped text: the section is closed before the reference.
    const mixed = cdata('ab') + 'cd';
    const held2 = readHeldText(mixed, 0, mixed.length);
    expect(splicedHeldText(mixed, 0, mixed.length, held2.segments, held2.text, 'a\u20ACcd', { textQuot: false, textApos: false }, 'iso-8859-1')).toBe('<![CDATA[a]]>&#x20AC;cd');
    // Two such characters in a row: no empty section between their references. A CR stays as it is: the held text is
    // the file's characters as written.
    const two = splicedHeldText(file, 0, file.length, segments, text, '<a>\u20AC\u20AC\r\n</a>', { textQuot: false, textApos: false }, 'iso-8859-1');
    expect(two).toBe('<![CDATA[<a>]]>&#x20AC;&#x20AC;<![CDATA[\r\n</a>]]>');
  });

  it('references what the encoding cannot hold a run at a time, as it did a character at a time', () => {
    expect(referenceUnencodable('\u20ACa\u{1F600}\u00E9\uD800b\uDC00', 'iso-8859-1')).toBe('&#x20AC;a&#x1F600;\u00E9&#xD800;b&#xDC00;');
    expect(referenceUnencodable('\u20AC\u0080\u00FF\u0100', 'windows-1252')).toBe('\u20AC&#x80;\u00FF&#x100;');
    expect(referenceUnencodable('plain', 'us-ascii')).toBe('plain');
    const long = 'x\u20AC'.repeat(100_000);
    expect(referenceUnencodable(long, 'iso-8859-1')).toBe('x&#x20AC;'.repeat(100_000));
  });
});

describe('the middle written in escaped text that writes > as it is', () => {
  // A file whose escaped text writes `>` as it is (only `<` and `&` escaped): the middle written with every `>` as
  // `&gt;` made the KB977203 preset's revert of its apply another file than the one it was given, where README
  // promises the original byte for byte.
  const fixture = readFileSync('test/fixtures/kb977203/replace-restore-object-xml/input.xml', 'utf8');
  const found = /<VALUE><!\[CDATA\[([\s\S]*?)\]\]><\/VALUE>/.exec(fixture) as RegExpExecArray;
  const options = { certfixPackage: 'ABC00010', scenario: 'replace-restore', force: true } as const;

  it('KB977203 applied and reverted gives back the file byte for byte', () => {
    const input = fixture.replace(found[0], `<VALUE>${esc(found[1] as string)}</VALUE>`);
    const doc = readTaskSequence(input);
    applyKb977203(doc, options);
    const applied = Buffer.from(writeTaskSequence(doc)).toString();
    const back = readTaskSequence(applied);
    revertKb977203(back, options);
    expect(Buffer.from(writeTaskSequence(back)).toString()).toBe(input);
  });

  it('a > after ]] is still written as &gt;, and a file that writes &gt; keeps it', () => {
    const splice = (file: string, after: string): string | undefined => {
      const { text, segments } = readHeldText(file, 0, file.length);
      return splicedHeldText(file, 0, file.length, segments, text, after, { textQuot: false, textApos: false });
    };
    expect(splice('&lt;a>x&lt;/a>', '<a>y]]>z</a>')).toBe('&lt;a>y]]&gt;z&lt;/a>');
    expect(splice('&lt;a&gt;x&lt;/a&gt;', '<a>y>z</a>')).toBe('&lt;a&gt;y&gt;z&lt;/a&gt;');
    // The `]]` before the middle is the file's: the `>` that follows it is escaped too.
    expect(splice('&lt;a>]]x&lt;/a>', '<a>]]>x</a>')).toBe('&lt;a>]]&gt;x&lt;/a>');
  });
});

describe('convert --to xml of a single-byte object.xml whose escaped text held a reference', () => {
  it('writes the character as a reference again (the encoder refused it raw)', async () => {
    const seq = `<sequence version="3.10"><step name="e" type="${RUN}"><action>\u20AC</action></step></sequence>`;
    const input = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\r\n${objectXml(esc(seq).replace('\u20AC', '&#x20AC;'))}`, 'latin1');
    const m = memoryIo({ 'in.xml': input });
    expect(await main(['convert', 'in.xml', '--to', 'json', '-o', 'in.json'], m.io), m.stderr).toBe(0);
    expect(await main(['convert', 'in.json', '--to', 'xml', '-o', 'out.xml'], m.io), m.stderr).toBe(0);
    const back = readTaskSequence(m.fs.get('out.xml') as Uint8Array);
    // The sequence's text is printed in the file's encoding, so the character is a reference in it (escaped as the
    // holder is), which reads back as the character.
    const action = (back.steps()[0]?.node as { children: { tag?: string; value?: string }[] }).children.find((c) => c.tag === 'action');
    expect(action?.value).toBe('\u20AC');
    expect(Buffer.from(m.fs.get('out.xml') as Uint8Array).toString('latin1')).toContain('#x20AC;');
  });
});
