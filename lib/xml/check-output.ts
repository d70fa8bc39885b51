/**
 * The last check before cmts writes: the text it is about to write is well-formed XML. Judged by the same parser that
 * reads, in its mode that builds no tree, so checking costs no second copy of the document in memory.
 */
import { LineCounter, TaskSequenceError } from '../errors.js';
import { checkWellFormed } from './parse.js';

/**
 * The XPath (`/sequence[1]/step[2]`, as the writer's own refusals give it) of the element open at `at` in `text`,
 * text that is well-formed up to there; `/` when none is. Only a refusal asks, so the check itself keeps no stack of
 * names: this scans the text again up to the fault, skipping comments, instructions, CDATA and quoted values.
 */
function openElementPath(text: string, at: number): string {
  const open: { step: string; counts: Map<string, number> }[] = [];
  const top = new Map<string, number>();
  let i = text.indexOf('<');
  while (i !== -1 && i < at) {
    const skipTo = (end: string, from: number) => {
      const e = text.indexOf(end, from);
      return e === -1 ? text.length : e + end.length;
    };
    let next: number;
    if (text.startsWith('<!--', i)) next = skipTo('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) next = skipTo(']]>', i + 9);
    else if (text.startsWith('<?', i)) next = skipTo('?>', i + 2);
    else if (text.startsWith('<!', i)) next = skipTo('>', i + 2);
    else if (text.startsWith('</', i)) {
      open.pop();
      next = skipTo('>', i + 2);
    } else {
      const name = /^[^\s/>]+/.exec(text.slice(i + 1, i + 1 + 1000))?.[0] ?? '*';
      // The tag's end, past quoted values (which may hold '>').
      let j = i + 1 + name.length;
      let quote = 0;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (quote) quote = c === quote ? 0 : quote;
        else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e) break;
      }
      const counts = open.length ? (open[open.length - 1] as (typeof open)[number]).counts : top;
      const n = (counts.get(name) ?? 0) + 1;
      counts.set(name, n);
      // A fault inside the tag itself (an attribute) is the element's: it is open at `at`.
      if (text.charCodeAt(j - 1) !== 0x2f || j >= at) open.push({ step: `${name}[${n}]`, counts: new Map() });
      next = j + 1;
    }
    i = text.indexOf('<', next);
  }
  return `/${open.map((o) => o.step).join('/')}`;
}

/**
 * Judges text cmts is about to write; a failure is `OUTPUT_MALFORMED`, placed in that text: `range` and `linePos` are
 * offsets and line/column in the text checked (the output, or the embedded sequence's text), and `path` the XPath of
 * the element open where it fails, as the writer's own refusals give the node at fault.
 */
export function checkOutput(text: string, what: string, options: { embedded?: boolean } = {}): void {
  try {
    // No size limits here: the text came from a tree that was itself read within them.
    checkWellFormed(text, { maxNodes: Number.MAX_SAFE_INTEGER, maxDepth: Number.MAX_SAFE_INTEGER, ...options });
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    const range = e.range ?? [0, 0];
    const linePos = new LineCounter(text).linePos(range[0]);
    throw new TaskSequenceError('OUTPUT_MALFORMED', `${what} would not be well-formed XML (line ${linePos.line}, column ${linePos.col} of the output): ${e.message} Nothing is written.`, {
      range,
      linePos,
      path: openElementPath(text, range[0]),
    });
  }
}
