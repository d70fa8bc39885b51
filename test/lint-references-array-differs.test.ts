// references-array-differs: a Current Branch object.xml whose References array (or ReferencesCount) does not list what
// its sequence's <referenceList> lists. Nothing reported it: a file whose sequence gained a package by hand, or by an
// authoring call that kept the array behind (addStep did), passed lint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';
import { corpusText, FIXTURES_DIR } from './helpers/corpus.js';

const FIXTURE = readFileSync(join(FIXTURES_DIR, 'lint', 'references-array-differs.xml'), 'utf8');
const AGREEING = readFileSync(join(FIXTURES_DIR, 'kb977203', 'object-xml-references-array-kept-in-step', 'input.xml'), 'utf8');
const CB = corpusText('03-forevanyeung-cb-export-object.xml');
const found = (text: string | Buffer) => lint(readTaskSequence(text), ['references-array-differs']).map((i) => `${i.line}:${i.col} ${i.severity} ${i.message}`);

/** The agreeing object.xml with its sequence's reference list replaced by `list`. */
const withList = (list: string) => AGREEING.replace(/<referenceList>[\s\S]*?<\/referenceList>/, list);

describe('references-array-differs', () => {
  it('names what each list lacks, and a count that is not the array’s, at the property', () => {
    expect(found(FIXTURE)).toEqual([
      "11:3 warning The References array does not list ABC00005, ABC00009, which the sequence's <referenceList> lists.",
      "11:3 warning The References array lists ABC00007, which the sequence's <referenceList> does not.",
      '68:3 warning ReferencesCount is 3, but the References array has 2 entries.',
    ]);
  });

  it('passes lists that agree, in any order and letter case', () => {
    expect(found(AGREEING)).toEqual([]);
    expect(found(withList('<referenceList><reference package="abc00005"/><reference package="ABC00002" program="*"/></referenceList>'))).toEqual([]);
  });

  // Skipped (and counted so) without the corpus.
  it.skipIf(CB === undefined)('passes a real Current Branch export, whose array lists its packages and applications', () => {
    expect(found(CB as string)).toEqual([]);
  });

  it('names at most five IDs, and counts the rest', () => {
    const many = Array.from({ length: 8 }, (_, i) => `<reference package="ABC0010${i}"/>`).join('');
    const [missing] = found(withList(`<referenceList><reference package="ABC00002"/><reference package="ABC00005"/>${many}</referenceList>`));
    expect(missing).toContain('does not list ABC00100, ABC00101, ABC00102, ABC00103, ABC00104 and 3 more, which');
  });

  it('says nothing where there is nothing to compare: no array, or no <referenceList>', () => {
    expect(found('<sequence version="3.10"><referenceList><reference package="ABC00001"/></referenceList></sequence>')).toEqual([]);
    expect(found(AGREEING.replace(/<PROPERTY\.OBJECTARRAY NAME="References"[\s\S]*?<\/PROPERTY\.OBJECTARRAY>\n\s*/, ''))).toEqual([]);
    expect(found(withList(''))).toEqual([]);
  });
});

