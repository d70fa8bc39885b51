/**
 * A Current Branch object.xml repeats its sequence's `<referenceList>` as the `References` array of the package (an
 * `SMS_TaskSequence_Reference` per package and application) and counts it in `ReferencesCount`. cmts keeps the two in
 * step when it adds a reference; a file edited by hand, or by a tool that changed only the sequence, can hold two lists
 * that disagree, and what the site makes of such a file is not known (the provider most likely works the references
 * out again on import). Only where the file has both the list and the array: a 2007 export and a bare sequence have
 * no array, and a sequence with no `<referenceList>` lists nothing to compare.
 */
import { containerReferenceArray } from '../../containers/container-references.js';
import { printable } from '../../errors.js';
import { referenceList } from '../../model/mutate.js';
import type { Finding, LintRule } from '../rule.js';

/** The most IDs a finding names; the rest are counted. */
const SHOWN_IDS = 5;

/** IDs as a finding names them: whole (an application's model name differs only at its end), and at most a few. */
function named(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN_IDS).map(printable).join(', ');
  return ids.length > SHOWN_IDS ? `${shown} and ${ids.length - SHOWN_IDS} more` : shown;
}

/** Lint rule `references-array-differs` (see its description). */
export const referencesArrayDiffers: LintRule = {
  id: 'references-array-differs',
  severity: 'warning',
  description: "An object.xml's References array or ReferencesCount does not list what the sequence's <referenceList> lists.",
  check: (doc) => {
    const list = referenceList(doc.sequence);
    const array = list && containerReferenceArray(doc);
    if (!list || !array) return [];
    // Compared ignoring case, as the console and cmts match IDs.
    const listed = new Map<string, string>();
    for (const c of list.children) {
      const id = c.kind === 'reference' ? (c.attributes.package ?? c.attributes.application) : undefined;
      if (id !== undefined && !listed.has(id.toUpperCase())) listed.set(id.toUpperCase(), id);
    }
    const inArray = new Map(array.ids.map((id) => [id.toUpperCase(), id]));
    const missing = [...listed].filter(([key]) => !inArray.has(key)).map(([, id]) => id);
    const extra = [...inArray].filter(([key]) => !listed.has(key)).map(([, id]) => id);
    const found: Finding[] = [];
    if (missing.length) found.push({ node: array.property, message: `The References array does not list ${named(missing)}, which the sequence's <referenceList> lists.` });
    if (extra.length) found.push({ node: array.property, message: `The References array lists ${named(extra)}, which the sequence's <referenceList> does not.` });
    if (array.countProperty && array.count !== undefined && array.count.trim() !== String(array.ids.length)) {
      found.push({ node: array.countProperty, message: `ReferencesCount is ${printable(array.count)}, but the References array has ${array.ids.length} entries.` });
    }
    return found;
  },
};
