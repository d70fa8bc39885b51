/**
 * Text as XML 1.0 defines it (section 2.11): every literal line end in the file (CR LF, or a CR alone) is one LF
 * before anything else is read, while a CR written as a character reference (`&#13;`, `&#xD;`) is a CR that stays.
 * So a file saved with CRLF and the same file with LF hold the same values, and `a&#13;` is not `a`-and-a-line-end.
 * The model keeps line ends as written (each file keeps its own bytes), so a value with a CR in it is read again
 * from its source to tell the two kinds of CR apart.
 */
import type { Node } from '../model/types.js';
import { contentEndOf, contentValueAt, endOf, isSourcedValueElement, lf, sourceOf, startOf, startTagEndOf } from '../xml/origin.js';

/**
 * The value of a value element (`<variable>`, `<action>`) or of a text or CDATA leaf, as XML defines it. A value
 * edited since it was read, or made new, is written with its CRs as they are, so a reader reads each as a line end.
 */
export function xmlText(node: Node & { value: string }): string {
  const value = node.value;
  if (value.indexOf('\r') === -1) return value;
  const src = sourceOf(node);
  if (src !== undefined) {
    const text = src.text;
    if (isSourcedValueElement(node)) {
      const from = startTagEndOf(node);
      const to = contentEndOf(node);
      if (contentValueAt(text, from, to) === value) return contentValueAt(text, from, to, true);
    } else if (node.kind === 'text') {
      const from = startOf(node);
      const to = endOf(node);
      if (contentValueAt(text, from, to) === value) return contentValueAt(text, from, to, true);
    }
    // CDATA holds no references: its CRs are all literal.
  }
  return lf(value);
}
