// An array setting's count that disagrees with its items (`OSDPartitions` 3 where only partition 0 has variables, or
// a partition written past the count) linted clean, and a typed view silently read no partitions from the step (an
// array is typed only when its count matches its items). catalog/array-count reports both, naming the items.
import { describe, expect, it } from 'vitest';
import { addStep, createSequence, lint, LINT_RULES, readTaskSequence, setEnabled, stepView, type Step } from './helpers/api.js';
import { CORPUS_SKIPPED, fixtureFiles, wellFormedCorpusFiles } from './helpers/corpus.js';

const found = (text: string) => lint(readTaskSequence(text), ['catalog/array-count']).map((i) => `${i.severity} ${i.path} ${i.message}`);

const PARTITION = { type: 'Primary', quickFormat: true, fileSystem: 'NTFS', size: 10, sizeUnits: 'Percent' } as const;

/** A Current Branch sequence with one Format and Partition Disk step of `n` partitions, as the builders write it. */
function partitionText(n: number, disabled = false): string {
  const doc = createSequence('sequence');
  const step = addStep(doc, 'Format and Partition Disk', { name: 'Partition', settings: { diskIndex: 0, partitionStyle: 'GPT', partitions: Array.from({ length: n }, () => ({ ...PARTITION })) } }, { last: doc.sequence });
  if (disabled) setEnabled(step, false);
  return doc.toString();
}

/** `text` with the partition count written as `count`. */
function withCount(text: string, count: string): string {
  const out = text.replace(/(<variable name="OSDPartitions" property="Partitions"[^>]*>)[^<]*</, `$1${count}<`);
  if (out === text) throw new Error('no partition count in the text');
  return out;
}

/** `text` without any variable of partition `index`. */
function withoutItem(text: string, index: number): string {
  const out = text.replace(new RegExp(`\\s*<variable name="OSDPartitions${index}[A-Za-z]+" [^>]*>[^<]*</variable>`, 'g'), '');
  if (out === text) throw new Error(`no partition ${index} in the text`);
  return out;
}

const step = (text: string) => readTaskSequence(text).sequence.children.find((c): c is Step => c.kind === 'step') as Step;

describe('catalog/array-count', () => {
  it('finds nothing in a step the builders wrote, of one partition or several', () => {
    expect(found(partitionText(1))).toEqual([]);
    expect(found(partitionText(4))).toEqual([]);
  });

  it('finds a count that claims items with no variables, and the typed view then reads no partitions', () => {
    const text = withCount(partitionText(1), '3');
    expect(found(text)).toEqual([
      "warning Partition Format and Partition Disk's partitions count (variable OSDPartitions) is 3, but items 1–2 of partitions have no variables; the console writes the count of the items it writes, and a typed view reads no partitions from the step.",
    ]);
    expect(stepView(step(partitionText(1))).get('partitions')).toHaveLength(1);
    expect(stepView(step(text)).get('partitions')).toBeUndefined();
  });

  it('finds a hole among the items, named alone', () => {
    expect(found(withoutItem(partitionText(3), 1))).toEqual([
      "warning Partition Format and Partition Disk's partitions count (variable OSDPartitions) is 3, but item 1 of partitions has no variables; the console writes the count of the items it writes, and a typed view reads no partitions from the step.",
    ]);
  });

  it('finds items written past the count', () => {
    expect(found(withCount(partitionText(3), '1'))).toEqual([
      "warning Partition Format and Partition Disk's partitions count (variable OSDPartitions) is 1, but items 1–2 of partitions are written past it; the console writes the count of the items it writes, and a typed view reads no partitions from the step.",
    ]);
    expect(found(withCount(partitionText(3), '0'))).toEqual([
      "warning Partition Format and Partition Disk's partitions count (variable OSDPartitions) is 0, but items 0–2 of partitions are written past it; the console writes the count of the items it writes, and a typed view reads no partitions from the step.",
    ]);
  });

  it('finds both at once, and lists at most five runs of items, counting the rest', () => {
    // Items 0, 2, 4, …, 14 written; count 12: holes 1, 3, 5, 7, 9, 11 (six runs), and 12 and 14 past the count.
    let text = partitionText(15);
    for (let i = 1; i < 15; i += 2) text = withoutItem(text, i);
    expect(found(withCount(text, '12'))).toEqual([
      "warning Partition Format and Partition Disk's partitions count (variable OSDPartitions) is 12, but items 1, 3, 5, 7, 9 and 1 more run of partitions have no variables; the console writes the count of the items it writes, and a typed view reads no partitions from the step.",
      "warning Partition Format and Partition Disk's partitions count (variable OSDPartitions) is 12, but items 12 and 14 of partitions are written past it; the console writes the count of the items it writes, and a typed view reads no partitions from the step.",
    ]);
  });

  it('a count of a hundred million is told as one run, without walking it', () => {
    expect(found(withCount(partitionText(1), '100000000'))).toEqual([
      "warning Partition Format and Partition Disk's partitions count (variable OSDPartitions) is 100000000, but items 1–99999999 of partitions have no variables; the console writes the count of the items it writes, and a typed view reads no partitions from the step.",
    ]);
  });

  it('a count that is no whole number is catalog/value-type\'s, not this rule\'s', () => {
    const text = withCount(partitionText(2), 'two');
    expect(found(text)).toEqual([]);
    expect(lint(readTaskSequence(text), ['catalog/value-type']).length).toBeGreaterThan(0);
    // Past what JavaScript holds exactly, or with spaces: value-type's too, and not told as items 1–Infinity.
    for (const count of ['9'.repeat(400), ' 2 ']) {
      expect(found(withCount(partitionText(1), count))).toEqual([]);
      expect(lint(readTaskSequence(withCount(partitionText(1), count)), ['catalog/value-type']).length).toBeGreaterThan(0);
    }
  });

  it('a negative count, or one past 2^32, is a count all the same', () => {
    expect(found(withCount(partitionText(1), '-1'))).toEqual([expect.stringContaining('is -1, but item 0 of partitions is written past it;')]);
    expect(found(withCount(partitionText(1), '4294967296'))).toEqual([expect.stringContaining('is 4294967296, but items 1–4294967295 of partitions have no variables;')]);
  });

  it('a disabled step\'s finding says it never runs', () => {
    const [finding] = found(withCount(partitionText(1, true), '2'));
    expect(finding).toMatch(/^warning Partition Format and Partition Disk's partitions count \(variable OSDPartitions\) is 2, but item 1 of partitions has no variables; .*\S.*disabled/);
  });

  it('runs with the other rules; its fixture\'s two steps are found, at their lines, and no other fixture has a finding', () => {
    expect(LINT_RULES.map((r) => r.id)).toContain('catalog/array-count');
    const withLines = (bytes: Buffer) => lint(readTaskSequence(bytes), ['catalog/array-count']).map((i) => `${i.line}:${i.col} ${i.path}`);
    const files = fixtureFiles();
    const own = files.find((f) => f.name === 'lint/catalog-array-count.xml');
    expect(own).toBeDefined();
    expect(withLines(own?.bytes ?? Buffer.alloc(0))).toEqual(['3:5 Array counts/Count past the items', '20:5 Array counts/Items past the count']);
    for (const { name, bytes } of files) {
      if (name === own?.name) continue;
      let doc;
      try {
        doc = readTaskSequence(bytes);
      } catch {
        continue;
      }
      expect(lint(doc, ['catalog/array-count']), name).toEqual([]);
    }
  });

  it('finds nothing in the real exports of the corpus', (ctx) => {
    if (CORPUS_SKIPPED !== undefined) ctx.skip(CORPUS_SKIPPED);
    for (const { name, bytes } of wellFormedCorpusFiles()) expect(lint(readTaskSequence(bytes), ['catalog/array-count']), name).toEqual([]);
  });
});
