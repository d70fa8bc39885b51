/**
 * An element the model does not know (a vendor's, or one a newer ConfigMgr writes) as text that is the same for
 * everything XML calls the same: attributes in name order, text and CDATA as one run of characters, comments,
 * processing instructions and the white space between child elements left out.
 */
import { checkpointBelow, containsItself } from '../model/contains-itself.js';
import type { Node } from '../model/types.js';

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');

/** Whether `s` is XML's white space only (space, tab, CR, LF; not a no-break space), or empty. */
export function isXmlSpace(s: string): boolean {
  return /^[ \t\r\n]*$/.test(s);
}

/**
 * `node` (an element) as canonical text; text, CDATA and a value element's value as the reader gives them (each
 * literal line end one LF). Elements nest as deep as the reader allows: an explicit stack, not recursion. Throws
 * `INVALID_ARGUMENT` for an element that contains itself (put among its own descendants by hand).
 */
export function canonicalXml(node: Node): string {
  const out: string[] = [];
  // Text to write, or a node with its depth and what the nodes in it are compared with (see contains-itself.ts).
  const todo: (string | { n: Node; depth: number; checkpoint: Node })[] = [{ n: node, depth: 0, checkpoint: node }];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    if (typeof next === 'string') {
      out.push(next);
      continue;
    }
    const { n, depth, checkpoint } = next;
    if (n.kind === 'comment' || n.kind === 'instruction') continue;
    if (n.kind === 'text' || n.kind === 'cdata') {
      out.push(escapeText(n.value));
      continue;
    }
    const attributes = Object.entries(n.attributes)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
      .join('');
    // The content as elements and runs of character data: the characters between two elements are one run, however
    // comments, instructions and CDATA sections split them.
    const content: (Node | string)[] = [];
    let run: string | undefined;
    for (const c of 'children' in n ? n.children : []) {
      if (c.kind === 'comment' || c.kind === 'instruction') continue;
      if (c.kind === 'text' || c.kind === 'cdata') run = (run ?? '') + c.value;
      else {
        if (run !== undefined) content.push(run);
        run = undefined;
        content.push(c);
      }
    }
    if (run !== undefined) content.push(run);
    // Only white space (as XML defines it) between child elements is layout; in an element of text alone it is the
    // value.
    const layout = content.some((c) => typeof c !== 'string');
    const kept = content.filter((c) => typeof c !== 'string' || (layout ? !isXmlSpace(c) : c !== ''));
    const value = 'value' in n ? escapeText(n.value) : '';
    if (kept.length === 0 && value === '') {
      out.push(`<${n.tag}${attributes}/>`);
      continue;
    }
    out.push(`<${n.tag}${attributes}>${value}`);
    todo.push(`</${n.tag}>`);
    for (let i = kept.length - 1; i >= 0; i--) {
      const c = kept[i] as Node | string;
      if (typeof c === 'string') todo.push(escapeText(c));
      else if (c === checkpoint) containsItself(c);
      else todo.push({ n: c, depth: depth + 1, checkpoint: checkpointBelow(c, depth + 1, checkpoint) });
    }
  }
  return out.join('');
}
