// Attribute objects are made by a literal per list of names (see lib/xml/parse.ts): whichever way an object is made —
// a list met before, a list met first, a list too long for the trie, `__proto__`, no code generation at all — it has
// the attributes in written order as own, enumerable, writable properties, and a name written twice is refused.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../lib/xml/parse.js';
import type { XmlElement } from '../lib/xml/types.js';

const elements = (text: string): XmlElement[] => {
  const root = parseXml(text).root as XmlElement & { children: XmlElement[] };
  return root.children.filter((c) => 'tag' in c);
};
const duplicate = (text: string): { code?: string; message: string; range?: [number, number] } => {
  try {
    parseXml(text);
  } catch (e) {
    return e as { code?: string; message: string; range?: [number, number] };
  }
  throw new Error('parsed');
};

describe('attributes as read', () => {
  it('are own, enumerable and writable, in written order, on lists met before and met first', () => {
    const [a, b, c, d] = elements('<r><s type="T" name="a" x="1"/><s type="U" name="b" x="2"/><s name="c" type="V"/><s type="W"/></r>');
    expect([a, b, c, d].map((e) => Object.entries(e?.attributes ?? {}))).toEqual([
      [['type', 'T'], ['name', 'a'], ['x', '1']],
      [['type', 'U'], ['name', 'b'], ['x', '2']],
      [['name', 'c'], ['type', 'V']],
      [['type', 'W']],
    ]);
    // Two elements of one list never share an object.
    expect(a?.attributes).not.toBe(b?.attributes);
    (a as XmlElement).attributes.name = 'changed';
    delete (a as XmlElement).attributes.x;
    (a as XmlElement).attributes.added = 'new';
    expect(a?.attributes).toEqual({ type: 'T', name: 'changed', added: 'new' });
    expect(b?.attributes).toEqual({ type: 'U', name: 'b', x: '2' });
  });

  it('are the same on a list met often enough to be made by a function of its own', () => {
    const many = `<r>${Array.from({ length: 1500 }, (_, i) => `<s type="T${i}" name="n${i}"/>`).join('')}</r>`;
    const all = elements(many);
    expect(all.every((e, i) => JSON.stringify(Object.entries(e.attributes)) === JSON.stringify([['type', `T${i}`], ['name', `n${i}`]]))).toBe(true);
    const last = all[all.length - 1] as XmlElement;
    expect(last.attributes).not.toBe(all[all.length - 2]?.attributes);
    last.attributes.type = 'changed';
    delete last.attributes.name;
    expect(last.attributes).toEqual({ type: 'changed' });
    expect(all[all.length - 2]?.attributes).toEqual({ type: 'T1498', name: 'n1498' });
    // A later parse of the same list, however short, is made by the same function, alike.
    expect(elements('<r><s type="A" name="b"/></r>')[0]?.attributes).toEqual({ type: 'A', name: 'b' });
  });

  it('get a function of their own when one parse meets their list 1,000 times, not when many parses meet it less', () => {
    // Each Function construction whose body names this test's own attributes, counted through a stand-in for the
    // global Function (the reader makes each function with `new Function`). Counted over a batch's parses together,
    // every thread of a batch compiled them, and the batch took longer.
    const real = globalThis.Function;
    let made = 0;
    globalThis.Function = new Proxy(real, {
      construct(target, args: string[]) {
        if (args.some((a) => a.includes('"perParseA"'))) made++;
        return Reflect.construct(target, args);
      },
    });
    try {
      const doc = (n: number): string => `<r>${Array.from({ length: n }, (_, i) => `<s perParseA="${i}" perParseB="x"/>`).join('')}</r>`;
      for (let i = 0; i < 5; i++) parseXml(doc(300));
      expect(made).toBe(0);
      const one = elements(doc(1200));
      expect(made).toBe(1);
      expect(one.map((e) => Object.entries(e.attributes))).toEqual(Array.from({ length: 1200 }, (_, i) => [['perParseA', String(i)], ['perParseB', 'x']]));
      // Made once: later parses, however short, use it.
      parseXml(doc(1200));
      expect(made).toBe(1);
    } finally {
      globalThis.Function = real;
    }
  });

  it('refuse a name written twice, where it is, on a list met before, met first, or too long for the trie', () => {
    const first = duplicate('<r><s a="1" b="2" a="3"/></r>');
    expect(first).toMatchObject({ code: 'XML_MALFORMED', message: 'Attribute a appears twice in <s>.', range: [18, 18] });
    // The list a, b is known from the first element; the second repeats a name after it.
    expect(duplicate('<r><s a="1" b="2"/><s a="1" b="2" b="3"/></r>')).toMatchObject({ code: 'XML_MALFORMED', message: 'Attribute b appears twice in <s>.' });
    const many = Array.from({ length: 40 }, (_, i) => `n${i}="${i}"`).join(' ');
    expect(Object.keys(elements(`<r><s ${many}/></r>`)[0]?.attributes ?? {})).toHaveLength(40);
    expect(duplicate(`<r><s ${many} n35="again"/></r>`)).toMatchObject({ message: 'Attribute n35 appears twice in <s>.' });
    expect(duplicate(`<r><s ${many} n3="again"/></r>`)).toMatchObject({ message: 'Attribute n3 appears twice in <s>.' });
  });

  it('keep __proto__ as an own attribute, never as the prototype', () => {
    const [s] = elements('<r><s a="1" __proto__="p" b="2"/></r>');
    expect(Object.entries(s?.attributes ?? {})).toEqual([['a', '1'], ['__proto__', 'p'], ['b', '2']]);
    expect(Object.getPrototypeOf(s?.attributes)).toBe(Object.prototype);
    expect(duplicate('<r><s __proto__="1" __proto__="2"/></r>')).toMatchObject({ message: 'Attribute __proto__ appears twice in <s>.' });
  });

  it('are the same where code cannot be generated (--disallow-code-generation-from-strings)', () => {
    // Lists met often enough to be made by functions where code can be generated.
    const text = `<r>${'<s type="T" name="a"/>'.repeat(1200)}<s ${Array.from({ length: 40 }, (_, i) => `n${i}="${i}"`).join(' ')}/></r>`;
    // The built library (npm ci builds it): node runs no TypeScript.
    const script = `import('${pathToFileURL(join(import.meta.dirname, '..', 'dist', 'lib', 'xml', 'parse.js')).href}').then((m) => { const r = m.parseXml(${JSON.stringify(text)}).root; process.stdout.write(JSON.stringify(r.children.map((c) => c.attributes))); try { m.parseXml('<s a="1" a="2"/>'); } catch (e) { process.stdout.write('|' + e.message); } })`;
    const run = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const [json, message] = run.stdout.split('|');
    expect(JSON.parse(json as string)).toEqual(elements(text).map((e) => e.attributes));
    expect(message).toBe('Attribute a appears twice in <s>.');
  });
});
