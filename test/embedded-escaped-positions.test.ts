// Lint findings and positionOf for a sequence held as entity-escaped text (`&lt;step …`) point at the item where the
// file writes it, not at the start of the text that holds the sequence.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';
import { listItems } from '../lib/model/query.js';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const held = (inner: string): string => `<SmsTaskSequencePackage>\n  <SequenceData>${inner}</SequenceData>\n</SmsTaskSequencePackage>\n`;
const SETUP = '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" continueOnError="true" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe</action></step>';

/** Line and column (1-based) of an offset of `text`. */
function place(text: string, at: number): { line: number; col: number } {
  const before = text.slice(0, at);
  return { line: before.split('\n').length, col: at - (before.lastIndexOf('\n') + 1) + 1 };
}

describe('positions in an entity-escaped embedded sequence', () => {
  it('a lint finding names the line and column where its step is written', () => {
    const inner = `<sequence version="3.10">\n  <group name="A &amp; B \u{1F600}" description="&#x1F600; &#233;">\n    ${SETUP}\n  </group>\n</sequence>`;
    // The references written in the file: `&amp;amp;` for `&amp;`, and a character past U+FFFF as a reference too.
    const text = held(escape(inner).replace('\u{1F600}', '&#x1F600;'));
    const [d, ...rest] = lint(readTaskSequence(text), ['setup-continue-on-error']);
    expect(rest).toEqual([]);
    expect(d).toMatchObject(place(text, text.indexOf('&lt;step type=&quot;SMS_TaskSequence_SetupWindowsAndSMSAction')));
  });

  it('positionOf gives every item its own place, in escaped text, CDATA sections and both in a row', () => {
    const items = Array.from({ length: 12 }, (_, i) => `<step type="X" name="s${i} &lt;${'é'.repeat(i)}"/>`);
    const inner = `<sequence version="3.10">${items.join('\n')}</sequence>`;
    // Half escaped, half in a CDATA section, split between two steps.
    const cut = inner.indexOf('<step type="X" name="s6');
    const text = held(`${escape(inner.slice(0, cut))}<![CDATA[${inner.slice(cut)}]]>`);
    const doc = readTaskSequence(text);
    const located = listItems(doc.sequence);
    expect(located).toHaveLength(12);
    for (const [i, l] of located.entries()) {
      const written = i < 6 ? text.indexOf(`&lt;step type=&quot;X&quot; name=&quot;s${i} `) : text.indexOf(`<step type="X" name="s${i} `);
      expect(written, `s${i}`).toBeGreaterThan(0);
      expect(doc.positionOf(l.node), `s${i}`).toEqual(place(text, written));
    }
  });

  it('gives each of many items its place, past many checkpoints of references of every length', () => {
    const names = Array.from({ length: 400 }, (_, i) => `s${i}${i % 3 === 0 ? ' &amp; \u{1F600}' : i % 3 === 1 ? ' &#233;' : ''}`);
    const inner = `<sequence version="3.10">${names.map((n) => `<step type="X" name="${n}"/>`).join('\n')}</sequence>`;
    // Escaped with a reference for each character past U+FFFF too, and a CDATA section after the first half.
    const cut = inner.indexOf('<step type="X" name="s200"');
    const escaped = escape(inner.slice(0, cut)).replace(/\u{1F600}/gu, '&#x1F600;');
    const text = held(`${escaped}<![CDATA[${inner.slice(cut)}]]>`);
    const doc = readTaskSequence(text);
    const located = listItems(doc.sequence);
    expect(located).toHaveLength(400);
    let from = 0;
    for (const [i, l] of located.entries()) {
      const marker = i < 200 ? `&lt;step type=&quot;X&quot; name=&quot;s${i}` : `<step type="X" name="s${i}`;
      const written = text.indexOf(marker, from);
      from = written + 1;
      expect(doc.positionOf(l.node), `s${i}`).toEqual(place(text, written));
    }
  });
});
