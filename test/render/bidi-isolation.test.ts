// Names, descriptions and values from the file are written in any script. Right-to-left text (Hebrew, Arabic) left to
// the Unicode bidirectional algorithm reorders the neutral characters and numbers beside it: "1 שלום, 2.1 B" shows
// "2.1" before "שלום". The page isolates each piece of the file's text from what the page writes around it: an element
// that holds only that text has dir="auto", text inside a line of the page's own words is a <bdi>, and a step path
// isolates each name between its slashes. (test/browser/render-bidi.test.ts checks what Chromium draws.)
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../helpers/api.js';
import { renderComparison, renderIndex, renderSequence } from '../../lib/render/render-sequence.js';
import { buildSequenceView } from '../../lib/render/build-sequence-view.js';

const HEBREW = /[\u0590-\u05FF]+/g;
const step = (type: string, name: string, inner: string, attrs = '') => `<step type="SMS_TaskSequence_${type}" name="${name}"${attrs}>${inner}</step>`;
const vars = (pairs: [string, string][]) => `<defaultVarList>${pairs.map(([p, v]) => `<variable name="${p}" property="${p}">${v}</variable>`).join('')}</defaultVarList>`;
const setVariable = (name: string, value: string) => step('SetVariableAction', name, `${vars([['VariableName', 'OSDComputerName'], ['VariableValue', value]])}<action>tsenv.exe</action>`);
const condition = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">ערך 2</variable><variable name="Variable">Y</variable></expression></condition>';
const sequence = (body: string) =>
  '<SmsTaskSequencePackage><Name>חבילה</Name><Description>תיאור החבילה</Description><SequenceData><sequence version="3.10">' +
  `${body}<globalVarList><variable name="G" property="G">ערך גלובלי</variable></globalVarList></sequence></SequenceData></SmsTaskSequencePackage>`;
const before = sequence(`<group name="קבוצה">${setVariable('שלום', 'מחשב')}${setVariable('B second', 'x')}</group>`);
const after = sequence(
  `${setVariable('שלום', 'מחשב 2')}<group name="קבוצה" description="תיאור הקבוצה">${setVariable('B second', 'x')}` +
    step('RunCommandLineAction', 'פקודה', `${condition}${vars([['CommandLine', 'cmd /c פקודה 3']])}<action>smsswd.exe</action>`, ' description="תיאור הצעד"') +
    `${step('RunCommandLineAction', 'ש'.repeat(60), `${vars([['CommandLine', 'cmd']])}<action>smsswd.exe</action>`)}</group>`,
);

/**
 * Each run of Hebrew in the page's body, with the start tag of the element it is written in: the text is escaped and
 * holds no markup, so that is the last tag before it. The filter's `data-search` text is no text on the page.
 */
function runsIn(html: string): { run: string; tag: string }[] {
  const body = html.slice(html.indexOf('<body>')).replace(/ data-search="[^"]*"/g, '');
  return Array.from(body.matchAll(HEBREW), (m) => ({ run: m[0], tag: /<[^<>]*>[^<>]*$/.exec(body.slice(0, m.index))?.[0].replace(/>[^]*$/, '>') ?? '' }));
}

const isolating = (tag: string) => tag === '<bdi>' || /^<[a-z0-9]+ [^>]*\bdir="auto"/.test(tag);

describe('right-to-left text on the page', () => {
  it('is isolated wherever it is: names, descriptions, settings, conditions, header facts, tables and links', () => {
    const runs = runsIn(renderSequence(readTaskSequence(after)));
    expect(runs.length).toBeGreaterThan(15);
    expect(runs.filter((r) => !isolating(r.tag) && !r.tag.startsWith('<bdi dir="ltr">'))).toEqual([]);
  });

  it('is isolated in a comparison: a moved step\'s old path, name by name, and changed values before and after', () => {
    const html = renderComparison(readTaskSequence(before), readTaskSequence(after));
    expect(runsIn(html).filter((r) => !isolating(r.tag) && !r.tag.startsWith('<bdi dir="ltr">'))).toEqual([]);
    expect(html).toContain('moved from <bdi>קבוצה</bdi>/<bdi>שלום</bdi></span>');
    expect(html).toContain('<del dir="auto">מחשב</del>');
    expect(html).toContain('<ins dir="auto">מחשב 2</ins>');
  });

  it('keeps the values before and after a changed variable apart, so the arrow between them cannot point back', () => {
    // Left alone, `"ערך א" → "ערך ב"` is one right-to-left run: the after value drawn first, left of the arrow.
    const html = renderComparison(readTaskSequence(before), readTaskSequence(before.replace('ערך גלובלי', 'ערך אחר')));
    expect(html).toContain('<li>~ variable G: &quot;<bdi>ערך גלובלי</bdi>&quot; → &quot;<bdi>ערך אחר</bdi>&quot;</li>');
  });

  it('keeps each name of a list apart from the next step\'s number', () => {
    const html = renderSequence(readTaskSequence(after));
    expect(html).toContain('<a href="#i1">1 <bdi>שלום</bdi></a>, <a href="#i3">2.1 <bdi>B second</bdi></a>');
    expect(html).toContain('<span class="name" dir="auto">שלום</span>');
    // A condition's words are the page's; only the quoted value is the file's.
    expect(html).toContain('<p class="cond">if Y = &quot;<bdi>ערך 2</bdi>&quot;</p>');
    expect(html).toContain('<td class="note">global: <bdi>ערך גלובלי</bdi></td>');
  });

  it('keeps a finding\'s message (the page\'s words, which can quote the file) apart from its line and step link', () => {
    const html = renderSequence(readTaskSequence(after));
    const finding = /<li class="finding [a-z]+"><strong>[a-z]+<\/strong> name-too-long: <bdi dir="ltr">[^<]+<\/bdi>[^<]* — <a href="#i5">2.3 <bdi>ש{60}<\/bdi><\/a><\/li>/;
    expect(html).toMatch(finding);
  });

  it('is isolated on the index page', () => {
    const html = renderIndex([{ href: 'a.html', view: buildSequenceView(readTaskSequence(after)) }]);
    expect(runsIn(html).filter((r) => !isolating(r.tag))).toEqual([]);
  });
});

describe('right-to-left text in the Markdown', () => {
  it('is written as it is, with no isolate characters around it (see render-markdown.ts for why)', () => {
    const md = renderSequence(readTaskSequence(after), { format: 'md' });
    expect(md).not.toMatch(/[\u2066-\u2069\u200E\u200F\u061C]/);
    expect(md).toContain('| OSDComputerName | 1 שלום, 2.1 B second |');
  });
});
