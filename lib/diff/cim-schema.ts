/**
 * The semantic diff of an object.xml's schema data: the `<INSTANCE>`'s qualifiers (path `(instance)`, which no CIM
 * property can be named) and, for each property both files have, its attributes besides its name, type and reference
 * class (`attribute CLASSORIGIN`) and its qualifiers (`qualifier CIMTYPE`). A qualifier is compared as its canonical
 * XML, so a change to its value, type or flavors is a change. A property only one file has is reported by the
 * comparison of the values; its schema data is not reported again. The properties' order means nothing to CIM and is
 * not compared.
 */
import type { TaskSequenceDocument } from '../document.js';
import { isElement } from '../model/query.js';
import type { Element } from '../model/types.js';
import { canonicalXml } from './canonical-xml.js';

/** One difference, as {@link DiffEntry} of `diff-entry.ts` has it (kind `property`). */
export interface SchemaDiff {
  change: 'changed';
  kind: 'property';
  /** The property's name, or `(instance)` for the instance's own qualifiers. */
  path: string;
  /** `attribute <name>` or `qualifier <name>` (`#2` for a second of one name). */
  field: string;
  before?: string;
  after?: string;
}

/** The path of the instance's own qualifiers: not a CIM name, so no property has it. */
export const INSTANCE_PATH = '(instance)';

const PROPERTY_TAGS = new Set(['PROPERTY', 'PROPERTY.ARRAY', 'PROPERTY.OBJECTARRAY', 'PROPERTY.REFERENCE']);
/** What the values' comparison says already. */
const VALUE_ATTRIBUTES = new Set(['NAME', 'TYPE', 'REFERENCECLASS']);

/** An element's qualifiers as `qualifier <name>` → canonical XML, `#2` for a second of one name. */
function qualifiers(el: Element, out: Map<string, string>): void {
  const seen = new Map<string, number>();
  for (const c of 'children' in el ? el.children : []) {
    if (!isElement(c) || c.tag !== 'QUALIFIER') continue;
    const name = c.attributes.NAME ?? '';
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    out.set(`qualifier ${name}${n === 1 ? '' : ` #${n}`}`, canonicalXml(c));
  }
}

/** Each property's schema fields by name (`Name #2` for a second of one name), and the instance's. */
function schemaFields(doc: TaskSequenceDocument): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  if (doc.container !== 'cim-instance') return out;
  const root = doc.xml.children.find((c): c is Element => isElement(c));
  if (!root) return out;
  const own = new Map<string, string>();
  qualifiers(root, own);
  out.set(INSTANCE_PATH, own);
  const seen = new Map<string, number>();
  for (const c of 'children' in root ? root.children : []) {
    if (!isElement(c) || !PROPERTY_TAGS.has(c.tag)) continue;
    const name = c.attributes.NAME ?? '';
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const fields = new Map<string, string>();
    for (const [k, v] of Object.entries(c.attributes)) if (!VALUE_ATTRIBUTES.has(k)) fields.set(`attribute ${k}`, v);
    qualifiers(c, fields);
    out.set(n === 1 ? name : `${name} #${n}`, fields);
  }
  return out;
}

/** The differences between two object.xml files' schema data (none unless both are object.xml files). */
export function compareCimSchema(a: TaskSequenceDocument, b: TaskSequenceDocument): SchemaDiff[] {
  const out: SchemaDiff[] = [];
  const left = schemaFields(a);
  const right = schemaFields(b);
  for (const [path, after] of right) {
    const before = left.get(path);
    if (before === undefined) continue;
    for (const field of new Set([...before.keys(), ...after.keys()])) {
      const x = before.get(field);
      const y = after.get(field);
      if (x !== y) out.push({ change: 'changed', kind: 'property', path, field, ...(x !== undefined ? { before: x } : {}), ...(y !== undefined ? { after: y } : {}) });
    }
  }
  return out;
}
