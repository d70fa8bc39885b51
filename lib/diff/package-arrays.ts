/**
 * The package properties of a Current Branch object.xml that are not one value: arrays (`<PROPERTY.ARRAY>`:
 * security scopes, category names) and arrays of objects (`<PROPERTY.OBJECTARRAY>`: the supported operating
 * systems, the references, the refresh schedule). The document's properties are its single values only.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Node } from '../model/types.js';
import { canonicalXml } from './canonical-xml.js';
import { xmlText } from './xml-value.js';

const ARRAY_TAGS = new Set(['PROPERTY.ARRAY', 'PROPERTY.OBJECTARRAY', 'PROPERTY.REFERENCE', 'PROPERTY.OBJECT']);

/**
 * Each such property by name, as the canonical text of its value (its qualifiers, which describe the class, left
 * out); a property with no value (null) has none. Empty for the other containers.
 */
export function packageArrays(doc: TaskSequenceDocument): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (doc.container !== 'cim-instance') return out;
  const root = doc.xml.children.find((c) => c.kind !== 'text' && c.kind !== 'comment' && c.kind !== 'cdata' && c.kind !== 'instruction');
  if (root === undefined || !('children' in root)) return out;
  for (const p of root.children) {
    if (!('tag' in p) || !ARRAY_TAGS.has(p.tag) || !('children' in p)) continue;
    const name = p.attributes.NAME;
    if (name === undefined) continue;
    const values = p.children.filter((c): c is Node & { tag: string } => 'tag' in c && c.tag !== 'QUALIFIER');
    if (values.length) out[name] = values.map((v) => canonicalXml(v, xmlText)).join('');
  }
  return out;
}
