import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import { readTaskSequence, sourceRange, TaskSequenceError, visit, writeTaskSequence, writeTaskSequenceText, type Element, type Variable } from './helpers/api.js';
import { CORPUS_SKIPPED, corpusFiles } from './helpers/corpus.js';

/** Reads and writes; the only acceptable outcomes are the same bytes or a TaskSequenceError. */
function roundTripsOrFailsCleanly(bytes: Uint8Array | string): 'same' | 'error' {
  let doc;
  try {
    doc = readTaskSequence(bytes);
  } catch (e) {
    if (e instanceof TaskSequenceError) return 'error';
    throw e;
  }
  const out = writeTaskSequence(doc);
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  if (!Buffer.from(out).equals(expected)) throw new Error('read → write changed the bytes');
  return 'same';
}

// Generated task sequences: nested groups and steps with awkward values, spelled in every way XML allows.
const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '"', "'", '&', '<', '>', '\n', '\r\n', '\t', '·', '%', '\\', ';', '=') });
const ws = fc.constantFrom('', ' ', '\n', '\r\n', '\n  ', '\r\n    ', '\t');
const quote = fc.constantFrom('"', "'");
function escText(s: string, quot: boolean): string {
  const e = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return quot ? e.replace(/"/g, '&quot;') : e;
}
function escAttr(s: string, q: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(q === '"' ? /"/g : /'/g, q === '"' ? '&quot;' : '&apos;').replace(/\r/g, '&#xD;').replace(/\n/g, '&#xA;');
}
const attr = fc.tuple(fc.constantFrom('name', 'description', 'type', 'disable', 'continueOnError', 'runIn'), text, quote, ws).map(
  ([n, v, q, w]) => ({ n, s: ` ${n}${w.trim() === '' ? '' : ''}=${q}${escAttr(v, q)}${q}` }),
);
const attrs = fc.uniqueArray(attr, { selector: (a) => a.n, maxLength: 4 }).map((as) => as.map((a) => a.s).join(''));
const variable = fc.tuple(attrs, text, fc.boolean(), fc.constantFrom('/>', ' />', 'pair'), fc.boolean()).map(([a, v, quot, empty, cdata]) =>
  v === '' ? (empty === 'pair' ? `<variable${a}></variable>` : `<variable${a}${empty}`) : `<variable${a}>${cdata && !v.includes(']]>') ? `<![CDATA[${v}]]>` : escText(v, quot)}</variable>`,
);
const step = fc.tuple(attrs, ws, fc.array(variable, { maxLength: 3 }), text).map(
  ([a, w, vars, action]) => `<step${a}>${w}<action>${escText(action, false)}</action>${w}<defaultVarList>${vars.join(w)}</defaultVarList>${w}</step>`,
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, step, tie('group')),
  group: fc.tuple(attrs, ws, fc.array(tie('tree'), { maxLength: 4 }), fc.boolean()).map(
    ([a, w, kids, comment]) => `<group${a}>${w}${comment ? '<!-- c -->' : ''}${(kids as string[]).join(w)}${w}</group>`,
  ),
}));
const sequenceXml = fc.tuple(fc.constantFrom('', '<?xml version="1.0"?>\n', '<?xml version="1.0" encoding="utf-16"?>\r\n'), ws, fc.array(tree, { maxLength: 5 }), ws).map(
  ([decl, w, items, w2]) => `${decl}<sequence version="3.10">${w}${(items as string[]).join(w)}${w2}</sequence>${w2}`,
);

// Thousands of runs or every corpus file: well over the 5 s default on a busy machine, so the limit is explicit.
describe('property: every input round-trips byte for byte or fails with a TaskSequenceError', { timeout: 60_000 }, () => {
  it('generated sequences round-trip in UTF-8, UTF-8+BOM and UTF-16LE', () => {
    fc.assert(
      fc.property(sequenceXml, fc.constantFrom('utf8', 'bom', 'utf16le'), (generated, enc) => {
        // The declared encoding must be the real one (a UTF-8 file saying utf-16 is refused, rightly).
        const xml = enc === 'utf16le' ? generated : generated.replace('encoding="utf-16"', 'encoding="utf-8"');
        const bytes =
          enc === 'utf8'
            ? Buffer.from(xml, 'utf8')
            : enc === 'bom'
              ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')])
              : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
        expect(roundTripsOrFailsCleanly(bytes)).toBe('same');
      }),
      { numRuns: 1500 },
    );
  });

  it('an edit changes only the edited element: the text before and after it is unchanged, and the new value reads back', () => {
    fc.assert(
      fc.property(sequenceXml, text, fc.nat(), fc.boolean(), (xml, newValue, pick, attribute) => {
        const doc = readTaskSequence(xml);
        const candidates: Element[] = [];
        visit(doc.sequence, (n) => {
          if (attribute ? n.kind === 'step' || n.kind === 'group' : n.kind === 'variable') candidates.push(n as Element);
        });
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length] as Element;
        const [start, end] = sourceRange(target)!;
        if (attribute) target.attributes.description = newValue;
        else (target as Variable).value = newValue;
        const out = writeTaskSequenceText(doc);
        const tail = xml.length - end;
        expect(out.slice(0, start)).toBe(xml.slice(0, start));
        expect(out.slice(out.length - tail)).toBe(xml.slice(end));
        const again = readTaskSequence(out);
        const found: Element[] = [];
        visit(again.sequence, (n) => {
          if (attribute ? n.kind === 'step' || n.kind === 'group' : n.kind === 'variable') found.push(n as Element);
        });
        const edited = found[pick % candidates.length] as Element;
        if (attribute) expect(edited.attributes.description).toBe(newValue);
        else expect((edited as Variable).value).toBe(newValue);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with fast-xml-parser on attribute values of generated sequences', () => {
    const fxp = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, preserveOrder: true, trimValues: false, processEntities: true });
    fc.assert(
      fc.property(sequenceXml, (xml) => {
        const ours: string[] = [];
        const collect = (nodes: unknown[]): void => {
          for (const n of nodes as { attributes?: Record<string, string>; children?: unknown[] }[]) {
            if (n.attributes) ours.push(...Object.values(n.attributes));
            if (n.children) collect(n.children);
          }
        };
        collect(readTaskSequence(xml).xml.children);
        const theirs: string[] = [];
        const walk = (nodes: Record<string, unknown>[]): void => {
          for (const n of nodes) {
            const a = n[':@'] as Record<string, string> | undefined;
            if (a && !Object.keys(n).some((k) => k.startsWith('?'))) theirs.push(...Object.values(a));
            for (const [k, v] of Object.entries(n)) if (k !== ':@' && k[0] !== '?' && Array.isArray(v)) walk(v as Record<string, unknown>[]);
          }
        };
        walk(fxp.parse(xml));
        // fast-xml-parser neither normalises attribute values (XML 1.0 §3.3.3: a literal line end or tab is a space)
        // nor decodes &#xD;/&#xA; there; doing both to its values gives what XML says they are.
        const xmlNormalised = (s: string) => s.replace(/\r\n|[\t\n\r]/g, ' ').replace(/&#xD;/g, '\r').replace(/&#xA;/g, '\n');
        expect(ours).toEqual(theirs.map(xmlNormalised));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with xmlbuilder2 (a second, DOM-based parser) on element names and attribute values in order', () => {
    type DomNode = { nodeType: number; nodeName: string; attributes: Iterable<{ value: string }>; childNodes: Iterable<DomNode> };
    const theirsOf = (xml: string): string[] => {
      const out: string[] = [];
      const walk = (n: DomNode): void => {
        if (n.nodeType !== 1) return;
        out.push(`<${n.nodeName}`);
        for (const a of n.attributes) out.push(a.value.replace(/[\r\n\t]/g, ' '));
        for (const c of n.childNodes) walk(c);
      };
      walk(create(xml).root().node as unknown as DomNode);
      return out;
    };
    fc.assert(
      fc.property(sequenceXml, (xml) => {
        const ours: string[] = [];
        const walk = (n: { tag?: string; attributes?: Record<string, string>; children?: unknown[] }): void => {
          if (n.tag === undefined) return;
          ours.push(`<${n.tag}`);
          for (const v of Object.values(n.attributes ?? {})) ours.push(v.replace(/[\r\n\t]/g, ' '));
          for (const c of n.children ?? []) walk(c as typeof n);
        };
        walk(readTaskSequence(xml).sequence);
        expect(ours).toEqual(theirsOf(xml.replace(/^<\?xml[^>]*\?>\s*/, '')));
      }),
      { numRuns: 300 },
    );
  });

  const corpus = corpusFiles();
  it('byte-level mutations of the corpus never throw anything else and never hang', (ctx) => {
    if (CORPUS_SKIPPED !== undefined) ctx.skip(CORPUS_SKIPPED);
    const outcomes = { same: 0, error: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(...corpus),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')), { minLength: 1, maxLength: 4 }),
        ({ bytes }, edits) => {
          const b = [...bytes];
          for (const [at, value, op] of edits) {
            const i = at % (b.length + 1);
            if (op === 'set') b[i] = value;
            else if (op === 'insert') b.splice(i, 0, value);
            else b.splice(i, 1);
          }
          outcomes[roundTripsOrFailsCleanly(Uint8Array.from(b))]++;
        },
      ),
      { numRuns: 1500 },
    );
    // Both outcomes must actually occur, or the property says nothing.
    expect(outcomes.same).toBeGreaterThan(50);
    expect(outcomes.error).toBeGreaterThan(50);
  });

  it('character-level mutations with XML-significant characters behave the same', (ctx) => {
    if (CORPUS_SKIPPED !== undefined) ctx.skip(CORPUS_SKIPPED);
    const outcomes = { same: 0, error: 0 };
    const chars = fc.constantFrom('<', '>', '&', '"', "'", '/', '!', '?', '[', ']', '-', '=', ';', '#', '\u0000', '\uFEFF', '<!DOCTYPE x>', '<![CDATA[', ']]>', '&amp;', '&#x0;', '</step>', '<group>');
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(fc.tuple(fc.nat(), chars, fc.boolean()), { minLength: 1, maxLength: 3 }), ({ bytes }, edits) => {
        let s = bytes.toString('utf8');
        for (const [at, c, replace] of edits) {
          const i = at % (s.length + 1);
          s = s.slice(0, i) + c + s.slice(replace ? i + 1 : i);
        }
        outcomes[roundTripsOrFailsCleanly(s)]++;
      }),
      { numRuns: 1500 },
    );
    expect(outcomes.same).toBeGreaterThan(50);
    expect(outcomes.error).toBeGreaterThan(50);
  });
});
