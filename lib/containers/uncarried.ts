/**
 * What in a container, around its sequence, the package properties as name → text do not say: a comment, an
 * element that is not a property (an object.xml's `PROPERTY.OBJECT` or `PROPERTY.REFERENCE`), a property given twice,
 * a property holding more than text, an attribute a property or the root element carries. Whoever carries a
 * container by its properties alone (the text form) refuses these rather than drop them. The schema data an
 * object.xml repeats on the instance and every property (`CLASSORIGIN`, `PROPAGATED`, qualifiers such as `CIMTYPE`
 * and `key`) is described by `cim-schema.ts`, which reads it; array properties by `cim-arrays.ts`.
 */
import { isXmlSpace } from '../diff/canonical-xml.js';
import { isElement } from '../model/query.js';
import type { Element, Node } from '../model/types.js';
import type { ContainerKind } from './index.js';

/** What the package properties do not say, and the node it is in. */
export interface UncarriedPart {
  what: string;
  node: Node;
}

/**
 * A node that is neither an element nor layout (XML white space; a no-break space is text), described for a refusal;
 * undefined otherwise. The text form's check of the sequence (`text/uncarried.ts`) describes what it refuses with it
 * too.
 */
export function describeMarkup(n: Node): string | undefined {
  if (n.kind === 'text') return isXmlSpace(n.value) ? undefined : `the text ${JSON.stringify(n.value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').slice(0, 40))}`;
  if (n.kind === 'comment') return `a comment (<!--${n.value.slice(0, 40)}-->)`;
  if (n.kind === 'cdata') return 'a CDATA section';
  if (n.kind === 'instruction') return 'a processing instruction';
  return undefined;
}

/** The first thing in an element whose value is its text (a 2007 property, a `<VALUE>`) that is not text. */
function notText(el: Element): Node | undefined {
  return 'children' in el ? el.children.find((c) => c.kind !== 'text' && c.kind !== 'cdata') : undefined;
}

function smsPackage(root: Element & { children: Node[] }): UncarriedPart | undefined {
  const attribute = Object.keys(root.attributes).find((k) => k !== 'xmlns' && !k.startsWith('xmlns:'));
  if (attribute !== undefined) return { what: `the attribute ${attribute} of <${root.tag}>`, node: root };
  const seen = new Set<string>();
  for (const c of root.children) {
    const m = describeMarkup(c);
    if (m !== undefined) return { what: `${m} in <${root.tag}>`, node: c };
    if (!isElement(c) || c.tag === 'SequenceData') continue;
    if (seen.has(c.tag)) return { what: `a second <${c.tag}>`, node: c };
    seen.add(c.tag);
    const extra = Object.keys(c.attributes)[0];
    if (extra !== undefined) return { what: `the attribute ${extra} of <${c.tag}>`, node: c };
    const inner = notText(c);
    if (inner !== undefined) return { what: `${describeMarkup(inner) ?? `the element <${(inner as Element).tag}>`} in <${c.tag}>`, node: inner };
  }
  return undefined;
}

function cimInstance(root: Element & { children: Node[] }): UncarriedPart | undefined {
  const attribute = Object.keys(root.attributes).find((k) => k !== 'CLASSNAME');
  if (attribute !== undefined) return { what: `the attribute ${attribute} of <INSTANCE>`, node: root };
  const seen = new Set<string>();
  for (const c of root.children) {
    const m = describeMarkup(c);
    if (m !== undefined) return { what: `${m} in <INSTANCE>`, node: c };
    if (!isElement(c) || c.tag === 'QUALIFIER' || c.tag === 'PROPERTY.ARRAY' || c.tag === 'PROPERTY.OBJECTARRAY') continue;
    const name = c.attributes.NAME;
    if (c.tag !== 'PROPERTY') return { what: `the element <${c.tag}>${name === undefined ? '' : ` (${name})`}`, node: c };
    if (name === undefined) return { what: 'a <PROPERTY> without a NAME', node: c };
    if (seen.has(name)) return { what: `a second property ${name}`, node: c };
    seen.add(name);
    if (name === 'Sequence') continue;
    let value: Element | undefined;
    for (const p of 'children' in c ? c.children : []) {
      const pm = describeMarkup(p);
      if (pm !== undefined) return { what: `${pm} in the property ${name}`, node: p };
      if (!isElement(p) || p.tag === 'QUALIFIER') continue;
      if (p.tag !== 'VALUE' || value !== undefined) return { what: `the element <${p.tag}> in the property ${name}`, node: p };
      value = p;
      const inner = notText(p);
      if (inner !== undefined) return { what: `${describeMarkup(inner) ?? `the element <${(inner as Element).tag}>`} in the value of ${name}`, node: inner };
    }
  }
  return undefined;
}

/**
 * The first thing in the container (not the sequence) that its package properties do not say, or undefined; none
 * for a bare sequence.
 */
export function uncarriedContainer(kind: ContainerKind, root: Element): UncarriedPart | undefined {
  if (!('children' in root)) return undefined;
  if (kind === 'sms-package') return smsPackage(root);
  if (kind === 'cim-instance') return cimInstance(root);
  return undefined;
}
