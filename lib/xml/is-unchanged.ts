/**
 * Whether a subtree is still what was read, all of it: for a caller that wants to know without writing (the writer
 * itself judges node by node as it prints).
 */
import { isBlank } from './chars.js';
import { endOf, isSourcedElement, isSourcedValueElement, sourceOf, startOf } from './origin.js';
import { contentEndAt } from './start-tag-end-at.js';
import type { XmlNode as Node } from './types.js';
import { contentSays, layoutLength, leafSays, startTagSays, tagSays } from './unchanged.js';

/** Whether a node and its whole subtree print exactly as their source (checked iteratively, at any depth). */
export function isUnchanged(root: Node): boolean {
  const todo: Node[] = [root];
  while (todo.length) {
    const node = todo.pop() as Node;
    const src = sourceOf(node);
    if (!src) return false;
    const text = src.text;
    const start = startOf(node);
    if (!('tag' in node)) {
      if (!leafSays(node, src, start, endOf(node))) return false;
      continue;
    }
    if (!isSourcedElement(node) || !tagSays(node, text, start)) return false;
    const startTagEnd = startTagSays(node, text, start);
    if (startTagEnd === -1) return false;
    const contentEnd = contentEndAt(text, startTagEnd, endOf(node));
    if ('value' in node) {
      if (!isSourcedValueElement(node) || !contentSays(node.value, src, startTagEnd, contentEnd)) return false;
      continue;
    }
    // The children are still those read, in order, when their spans tile the content exactly; white space, which
    // has no origin, when it is what the source says where it stands.
    let at = startTagEnd;
    for (const c of node.children) {
      if (!sourceOf(c) && !('tag' in c) && c.kind === 'text' && isBlank(c.value)) {
        const n = !src.cr && text.startsWith(c.value, at) ? c.value.length : layoutLength(src, at, c.value);
        if (n === -1) return false;
        at += n;
        continue;
      }
      if (sourceOf(c) !== src || startOf(c) !== at) return false;
      at = endOf(c);
      todo.push(c);
    }
    if (at !== contentEnd) return false;
  }
  return true;
}
