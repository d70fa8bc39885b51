// The style of a text learnt by a scan of its own: what the reader counted before it counted the style as it read,
// kept as the oracle the reader's count is held to (test/write-style-tally.test.ts).
import { isSpace } from '../../lib/xml/chars.js';
import { Tally, type WriteStyle } from '../../lib/xml/style.js';

/**
 * The style of a well-formed text, in one pass over its markup: the quote of each start tag's first attribute, the
 * form of each empty element (`/>`, ` />`, or a start tag followed at once by its end tag), the newline of each run
 * of white space between markup, and the quotes of all other text and CDATA.
 */
export function learnStyleFromText(text: string): WriteStyle {
  const tally = new Tally();
  const len = text.length;
  // The start tag just read (its tag, and where it ends), for `<a></a>`: an end tag right after it.
  let openTag = '';
  let openEnd = -1;
  let at = 0;
  while (at < len) {
    let lt = text.indexOf('<', at);
    if (lt === -1) lt = len;
    if (lt > at) {
      if (!tally.whiteSpace(text, at, lt)) tally.text(text.slice(at, lt));
    }
    if (lt === len) break;
    const c1 = text.charCodeAt(lt + 1);
    if (c1 === 0x21 /* ! */) {
      if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        tally.text(text.slice(lt + 9, close));
        at = close + 3;
      } else at = text.indexOf('-->', lt + 4) + 3;
      continue;
    }
    if (c1 === 0x3f /* ? */) {
      at = text.indexOf('?>', lt + 2) + 2;
      continue;
    }
    if (c1 === 0x2f /* / */) {
      const close = text.indexOf('>', lt + 2);
      if (openEnd === lt && text.startsWith(openTag, lt + 2) && close === lt + 2 + openTag.length) tally.empty(openTag, 'pair');
      at = close + 1;
      continue;
    }
    // A start tag: its name, then attributes until '>' (a '>' inside a quoted value does not end it).
    let i = lt + 1;
    for (let c = text.charCodeAt(i); !isSpace(c) && c !== 0x2f && c !== 0x3e; c = text.charCodeAt(++i));
    const tag = text.slice(lt + 1, i);
    let first = true;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x3e) break;
      if (c === 0x22 || c === 0x27) {
        if (first) {
          if (c === 0x22) tally.dq++;
          else tally.sq++;
          first = false;
        }
        i = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
      }
      i++;
    }
    at = i + 1;
    if (text.charCodeAt(i - 1) === 0x2f) {
      tally.empty(tag, text.charCodeAt(i - 2) === 0x20 ? ' />' : '/>');
      openEnd = -1;
    } else {
      openTag = tag;
      openEnd = at;
    }
  }
  return tally.style();
}

