import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { fromModelJson } from '../lib/model/json.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

/** Model JSON of a bare sequence holding `child`. */
const model = (child: unknown) => ({
  format: 'cmts.task-sequence',
  version: 1,
  container: 'sequence',
  encoding: { encoding: 'utf-8', bom: false },
  properties: {},
  sequence: { kind: 'sequence', tag: 'sequence', attributes: { version: '3.10' }, children: [{ kind: 'group', tag: 'group', attributes: { name: 'G' }, children: [child] }] },
});

describe('model JSON naming an element or attribute with what is not an XML name (only the read-back of the XML written for it refused it, at a place in that XML)', () => {
  it('is refused when the JSON is read, with the JSON path of the bad name', () => {
    const cases: [unknown, string][] = [
      [{ kind: 'element', tag: 'a b', attributes: {}, children: [] }, 'sequence.children.0.children.0.tag'],
      [{ kind: 'step', tag: 'step', attributes: { name: 'x', 'a b': '1' }, children: [] }, 'sequence.children.0.children.0.attributes'],
      [{ kind: 'element', tag: 'x', attributes: { '1st': '' }, children: [] }, 'sequence.children.0.children.0.attributes'],
    ];
    for (const [child, path] of cases) {
      const e = thrown(() => fromModelJson(model(child)));
      expect(e.code, path).toBe('NOT_A_TASK_SEQUENCE');
      expect(e.message, path).toContain(path);
      expect(e.message, path).toContain('not an XML name');
    }
  });

  it('convert --to xml reports it against the JSON and writes nothing', async () => {
    const m = memoryIo({ 'm.json': JSON.stringify(model({ kind: 'element', tag: 'a b', attributes: {}, children: [] })) });
    expect(await main(['convert', 'm.json', '--to', 'xml', '-o', 'out.xml'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/NOT_A_TASK_SEQUENCE .*sequence\.children\.0\.children\.0\.tag/);
    expect(m.stderr).not.toContain('The XML written for it');
    expect(m.writes).toEqual([]);
  });

  it('names that are XML names (prefixed ones too) are taken', () => {
    const ok = model({ kind: 'element', tag: 'ns:x-1', attributes: { 'xml:lang': 'en', _a: '' }, children: [] });
    expect(fromModelJson(ok)).toBe(ok);
  });
});
