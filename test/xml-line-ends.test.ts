// Line ends in values (XML 1.0 section 2.11): a processor makes each literal CR LF, and each CR alone, one LF before
// it reads anything, and decodes references after, so `&#xD;` (`&#13;`) is a CR that stays. cmts gives every value
// so — text, CDATA, comments, instructions, `<action>` and `<variable>` — while the bytes stay as written: an
// unedited CRLF file writes back byte for byte, and a value printed afresh reads back as given, by cmts and by any
// other conforming reader (@xmldom/xmldom here).
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import {
  createRestartComputerStep,
  findItems,
  fromModelJson,
  insertAfter,
  isUnchanged,
  readTaskSequence,
  sequenceToText,
  buildSequence,
  stepView,
  TaskSequenceError,
  toModelJson,
  writeTaskSequence,
  writeTaskSequenceText,
  type Element,
  type Node,
  type Step,
  type TaskSequenceDocument,
} from './helpers/api.js';
import { modelJsonToXml } from '../lib/model/model-json-to-xml.js';
import { corpusText } from './helpers/corpus.js';

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
const REPRO = crlf(`<?xml version="1.0"?>
<sequence version="3.10">
  <step type="SMS_TaskSequence_RunCommandLineAction" name="a">
    <action>x</action>
    <defaultVarList>
      <variable name="CommandLine" property="CommandLine">line1
line2</variable>
    </defaultVarList>
  </step>
</sequence>
`);

const steps = (doc: TaskSequenceDocument) => findItems(doc.sequence, { kind: 'step' }).map((l) => l.node as Step);
const child = (e: { children: Node[] }, tag: string) => e.children.find((c) => 'tag' in c && c.tag === tag) as Element & { children: Node[]; value: string };
const variable = (s: Step, name: string) => child(s, 'defaultVarList').children.find((c) => 'tag' in c && c.attributes.name === name) as Element & { value: string };
/** What a conforming DOM reader gives for the text content of the first element `tag`. */
const domText = (text: string, tag: string): string | null | undefined => new DOMParser().parseFromString(text, 'text/xml').getElementsByTagName(tag)[0]?.textContent;
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('values read from a file have each literal line end as one LF', () => {
  it('a variable read from a CRLF file says LF (the review repro)', () => {
    const doc = readTaskSequence(REPRO);
    expect(variable(steps(doc)[0] as Step, 'CommandLine').value).toBe('line1\nline2');
  });

  it('text, CDATA, comments, instructions and value elements: CR LF and a CR alone are one LF', () => {
    const doc = readTaskSequence('<sequence version="3.10"><?pi a\r\nb\rc?><!-- a\r\nb\rc --><x>a\r\nb\rc<![CDATA[d\r\ne\rf]]></x><step type="T" name="s"><action>g\r\nh\ri</action></step></sequence>');
    const [pi, comment, x, step] = doc.sequence.children as [Node & { value: string }, Node & { value: string }, Element & { children: (Node & { value: string })[] }, Step];
    expect(pi.value).toBe('a\nb\nc');
    expect(comment.value).toBe(' a\nb\nc ');
    expect(x.children.map((c) => c.value)).toEqual(['a\nb\nc', 'd\ne\nf']);
    expect(child(step, 'action').value).toBe('g\nh\ni');
  });

  it('a CR written as a reference (&#xD;, &#13;) stays a CR, and the unedited file keeps the reference', () => {
    const source = crlf('<sequence version="3.10">\n  <step type="T" name="s"><action>a&#xD;\nb&#13;c\n</action></step>\n</sequence>\n');
    const doc = readTaskSequence(source);
    expect(child(steps(doc)[0] as Step, 'action').value).toBe('a\r\nb\rc\n');
    expect(writeTaskSequenceText(doc)).toBe(source);
  });

  it('white space between elements says LF too, and a CRLF file is still unchanged everywhere', () => {
    const doc = readTaskSequence(REPRO);
    expect((doc.sequence.children[0] as Node & { value: string }).value).toBe('\n  ');
    expect(isUnchanged(doc.sequence)).toBe(true);
    expect(text(writeTaskSequence(doc))).toBe(REPRO);
  });
});

const splash = corpusText('11-mshub-module-splash-screen.xml');

describe.skipIf(splash === undefined)('a CRLF file and its LF copy give the same model', () => {
  const lf = splash as string;

  it('every value, with or without the layout', () => {
    for (const whitespace of [false, true]) {
      expect(toModelJson(readTaskSequence(crlf(lf)), { whitespace }).sequence).toEqual(toModelJson(readTaskSequence(lf), { whitespace }).sequence);
    }
  });

  it("a Set Dynamic Variables step's rules read as typed settings from both", () => {
    const rules = (source: string) =>
      steps(readTaskSequence(source))
        .filter((s) => s.attributes.type === 'SMS_TaskSequence_SetDynamicVariablesAction')
        .map((s) => stepView<'SMS_TaskSequence_SetDynamicVariablesAction'>(s).settings.rules);
    const fromLf = rules(lf);
    expect(fromLf.length).toBeGreaterThan(0);
    expect(fromLf.every((r) => Array.isArray(r) && r.length > 0)).toBe(true);
    expect(rules(crlf(lf))).toEqual(fromLf);
  });

  it('white space after an element printed afresh is copied as written, in a file of mixed line ends too', () => {
    // Mostly LF, so an LF printed afresh would be an LF: the CR LF after the edited <variable/> is copied from the file.
    const source = '<sequence version="3.10">\n  <step type="T" name="a">\n  </step>\n  <step type="T" name="b">\r\n<defaultVarList><variable name="V"/>\r\n<variable name="W"/></defaultVarList>\r\n</step>\n</sequence>\n';
    const doc = readTaskSequence(source);
    variable(steps(doc)[1] as Step, 'V').value = 'v';
    expect(writeTaskSequenceText(doc)).toBe(source.replace('<variable name="V"/>', '<variable name="V">v</variable>'));
  });

  it('the CRLF file writes back byte for byte, and an edit changes only its own line', () => {
    const source = crlf(lf);
    expect(writeTaskSequence(readTaskSequence(source))).toEqual(new Uint8Array(Buffer.from(source)));
    const doc = readTaskSequence(source);
    const step = steps(doc)[0] as Step;
    step.attributes.description = 'edited';
    const out = text(writeTaskSequence(doc));
    expect(out).toBe(source.replace('description="These are the items that will display in the rotating text screen"', 'description="edited"'));
  });
});

describe('a value given with CRs reads back as given', () => {
  const value = 'L1\r\nL2\rL3\nL4';

  for (const [name, source] of [
    ['CRLF', REPRO],
    ['LF', REPRO.replace(/\r\n/g, '\n')],
  ] as const) {
    // A restart message may hold line ends (a variable's value is one line in tsenv.exe's command line: refused there).
    it(`createRestartComputerStep in a ${name} file: cmts and a DOM reader read the value given`, () => {
      const doc = readTaskSequence(source);
      insertAfter(doc.sequence, steps(doc)[0] as Step, [createRestartComputerStep({ name: 'Set', message: value })]);
      const out = text(writeTaskSequence(doc));
      // A CR as a reference; each LF as the file writes its lines.
      const nl = name === 'CRLF' ? '\r\n' : '\n';
      expect(out).toContain(`>L1&#xD;${nl}L2&#xD;L3${nl}L4</variable>`);
      // Only the new step differs, laid out with the file's newline.
      expect(out.replace(/\r\n/g, '\n').split('\n').length).toBe(out.split(nl).length);
      const set = steps(readTaskSequence(out))[1] as Step;
      expect(variable(set, 'SMSRebootMessage').value).toBe(value);
      const dom = new DOMParser().parseFromString(out, 'text/xml');
      const v = [...Array.from(dom.getElementsByTagName('variable'))].find((e) => e.getAttribute('name') === 'SMSRebootMessage');
      expect(v?.textContent).toBe(value);
    });
  }

  it('an edited value in CDATA: a CR between two sections, never an empty one', () => {
    const source = crlf('<sequence version="3.10">\n  <step type="T" name="s"><action><![CDATA[old]]></action></step>\n</sequence>\n');
    for (const given of [value, '\r', 'a]]>\rb', '\r\n\r\n']) {
      const doc = readTaskSequence(source);
      child(steps(doc)[0] as Step, 'action').value = given;
      const out = writeTaskSequenceText(doc);
      expect(out).not.toContain('<![CDATA[]]>');
      expect(out.replace(/&#xD;/g, '')).not.toMatch(/\r(?!\n)/);
      expect(child(steps(readTaskSequence(out))[0] as Step, 'action').value).toBe(given);
      expect(domText(out, 'action')).toBe(given);
    }
  });

  it('a new text node and a new CDATA section', () => {
    const doc = readTaskSequence(REPRO);
    const step = steps(doc)[0] as Step;
    step.children.push({ kind: 'element', tag: 'note', attributes: {}, children: [{ kind: 'text', value: 'a\r\nb' }, { kind: 'cdata', value: '\rc\n' }] });
    const out = writeTaskSequenceText(doc);
    expect(out).toContain('<note>a&#xD;\r\nb&#xD;<![CDATA[c\r\n]]></note>');
    const note = child(steps(readTaskSequence(out))[0] as Step, 'note');
    expect(note.children.map((c) => (c as { value: string }).value).join('')).toBe('a\r\nb\rc\n');
    expect(domText(out, 'note')).toBe('a\r\nb\rc\n');
  });

  it('an edited value read from a CRLF file is written with CR LF and no &#xD;: it means what it meant', () => {
    const source = crlf('<sequence version="3.10">\n  <step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd /c one\ntwo</action></step>\n</sequence>\n');
    const doc = readTaskSequence(source);
    const action = child(steps(doc)[0] as Step, 'action');
    expect(action.value).toBe('cmd /c one\ntwo');
    action.value += '\nthree';
    const out = writeTaskSequenceText(doc);
    expect(out).toBe(source.replace('two</action>', 'two\r\nthree</action>'));
    expect(domText(out, 'action')).toBe('cmd /c one\ntwo\nthree');
  });

  it('an attribute value, as before: CR, LF and tab as references', () => {
    const doc = readTaskSequence(REPRO);
    (steps(doc)[0] as Step).attributes.description = value;
    const out = writeTaskSequenceText(doc);
    expect(out).toContain('description="L1&#xD;&#xA;L2&#xD;L3&#xA;L4"');
    expect((steps(readTaskSequence(out))[0] as Step).attributes.description).toBe(value);
  });
});

describe('where no reference can stand, a CR is refused when written', () => {
  const cases: [string, (doc: TaskSequenceDocument) => void, string][] = [
    ['a comment', (doc) => doc.sequence.children.push({ kind: 'comment', value: ' a\r\nb ' }), '/sequence[1]/comment()[1]'],
    ['an instruction', (doc) => doc.sequence.children.push({ kind: 'instruction', target: 'pi', value: 'a\rb' }), "/sequence[1]/processing-instruction('pi')[1]"],
    ['white space outside the root', (doc) => doc.xml.children.push({ kind: 'text', value: '\r\n' }), '/text()[2]'],
  ];
  for (const [what, edit, path] of cases) {
    it(what, () => {
      const doc = readTaskSequence(REPRO);
      edit(doc);
      let error: unknown;
      try {
        writeTaskSequence(doc);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TaskSequenceError);
      expect((error as TaskSequenceError).code).toBe('OUTPUT_MALFORMED');
      expect((error as TaskSequenceError).path).toBe(path);
    });
  }

  it('a comment read from a CRLF file and cloned is written with its line ends as read', () => {
    const doc = readTaskSequence('<sequence version="3.10">\r\n<!-- one\r\ntwo -->\r\n<step type="X" name="a"><action>c</action></step>\r\n</sequence>');
    const comment = doc.sequence.children.find((c) => c.kind === 'comment') as Node;
    expect(comment).toEqual({ kind: 'comment', value: ' one\ntwo ' });
    doc.sequence.children.push(structuredClone(comment));
    expect(writeTaskSequenceText(doc).endsWith('</step>\r\n<!-- one\r\ntwo --></sequence>')).toBe(true);
  });
});

describe('a sequence held as text keeps its own line ends', () => {
  it('an object.xml whose CDATA sequence is CRLF: an edit inside it changes only that step', () => {
    const inner = crlf('<sequence version="3.10">\n  <step type="T" name="s" description="d"><action>a\nb</action></step>\n</sequence>');
    const source = crlf(`<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\n  <PROPERTY NAME="Name" TYPE="string">\n    <VALUE>N</VALUE>\n  </PROPERTY>\n  <PROPERTY NAME="Sequence" TYPE="string">\n    <VALUE><![CDATA[${inner}]]></VALUE>\n  </PROPERTY>\n</INSTANCE>\n`);
    const doc = readTaskSequence(source);
    expect(doc.container).toBe('cim-instance');
    expect(writeTaskSequenceText(doc)).toBe(source);
    const step = steps(doc)[0] as Step;
    expect(child(step, 'action').value).toBe('a\nb');
    step.attributes.description = 'e';
    expect(writeTaskSequenceText(doc)).toBe(source.replace('description="d"', 'description="e"'));
  });
});

describe('the model JSON', () => {
  it('says line ends as LF, and with its layout kept gives back the file, CRLF or LF, byte for byte', () => {
    const crlfText = crlf('<sequence version="3.10">\n  <step type="T" name="s"><action>a\nb&#xD;</action></step>\n</sequence>');
    for (const source of [crlfText, crlfText.replace(/\r\n/g, '\n')]) {
      const json = toModelJson(readTaskSequence(source), { whitespace: true, wrapper: true });
      expect(JSON.stringify(json.sequence)).not.toContain('\\r\\n');
      expect(modelJsonToXml(fromModelJson(JSON.parse(JSON.stringify(json))))).toBe(source);
    }
  });
});

describe('the text form carries a CR that XML keeps', () => {
  it('a command line with &#13; converts to YAML and builds back to the same value', () => {
    const doc = readTaskSequence('<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="Run"><action>smsswd.exe /run: cmd /c echo a&#13;&#10;b</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c echo a&#13;&#10;b</variable></defaultVarList></step></sequence>');
    const built = buildSequence(sequenceToText(doc));
    expect(variable(steps(built)[0] as Step, 'CommandLine').value).toBe('cmd /c echo a\r\nb');
    const out = writeTaskSequenceText(built);
    expect(variable(steps(readTaskSequence(out))[0] as Step, 'CommandLine').value).toBe('cmd /c echo a\r\nb');
  });
});
