// A file's package ID or drive letter that is none (`BAD ID!!`, `CC:`) was refused by the builders and `set` but
// passed lint: `catalog/value-type` checked a variable's name and a GUID only, and the action-line rule finds nothing
// when the line says the same as the variables. Lint now reports them, and each item of a package ID list.
import { describe, expect, it } from 'vitest';
import { addStep, createSequence, lint, readTaskSequence } from './helpers/api.js';

type Settings = Record<string, unknown>;

const CASES: { kind: string; settings: Settings; good: string; bad: string; words: string }[] = [
  { kind: 'Install Package', settings: { packageId: 'ABC00012', programName: 'Install' }, good: 'ABC00012', bad: 'BAD_ID!!', words: 'which is not a package ID' },
  { kind: 'Connect To Network Folder', settings: { path: '\\\\srv\\share', driveLetter: 'Q:', username: 'CORP\\svc', password: '' }, good: 'Q:', bad: 'QQ:', words: 'which is not a drive letter' },
  { kind: 'Download Package Content', settings: { downloadPackages: ['ABC00012', 'ABC00013'] }, good: 'ABC00012,ABC00013', bad: 'ABC00012,not one', words: 'has the item "not one", which is not a package ID' },
];

const valueType = (text: string) => lint(readTaskSequence(text)).filter((i) => i.code === 'catalog/value-type');

describe('lint: package IDs and drive letters of their form', () => {
  for (const c of CASES) {
    it(`${c.kind}: ${JSON.stringify(c.bad)} is reported, ${JSON.stringify(c.good)} is not`, () => {
      const doc = createSequence('sequence');
      addStep(doc, c.kind, { name: 'x', settings: c.settings as never }, { last: doc.sequence });
      const text = doc.toString();
      expect(text).toContain(`>${c.good}</variable>`);
      expect(valueType(text)).toEqual([]);
      const found = valueType(text.replace(`>${c.good}</variable>`, `>${c.bad}</variable>`));
      expect(found).toHaveLength(1);
      expect(found[0]?.message).toContain(c.words);
    });
  }
  it('a %variable% is a package ID and a drive letter the engine expands', () => {
    for (const c of CASES.slice(0, 2)) {
      const doc = createSequence('sequence');
      addStep(doc, c.kind, { name: 'x', settings: c.settings as never }, { last: doc.sequence });
      expect(valueType(doc.toString().replace(`>${c.good}</variable>`, '>%MyVar%</variable>'))).toEqual([]);
    }
  });
});
