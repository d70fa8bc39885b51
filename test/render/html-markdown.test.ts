import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../helpers/api.js';
import { renderComparison, renderIndex, renderSequence } from '../../lib/render/render-sequence.js';
import { buildSequenceView } from '../../lib/render/build-sequence-view.js';

// As written in an XML attribute; read back it is <script>alert("x")</script> & 'q' | *b* [l](u) `c`.
const HOSTILE = `&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'q' | *b* [l](u) \`c\``;
const hostileDoc = () =>
  readTaskSequence(
    `<sequence version="3.10"><group name="${HOSTILE}" description="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"><step type="SMS_TaskSequence_SetVariableAction" name="${HOSTILE}"><condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">&lt;/p&gt;&lt;script&gt;1&lt;/script&gt;</variable><variable name="Variable">V&amp;W</variable></expression></condition><defaultVarList><variable name="VariableName" property="VariableName">&lt;b&gt;</variable><variable name="VariableValue" property="VariableValue">" onmouseover="x</variable></defaultVarList></step></group></sequence>`,
  );

function between(html: string, open: string, close: string): string[] {
  const out: string[] = [];
  for (let i = html.indexOf(open); i !== -1; i = html.indexOf(open, i + 1)) out.push(html.slice(i + open.length, html.indexOf(close, i)));
  return out;
}

describe('the HTML page', () => {
  it('escapes every value: hostile names, descriptions, conditions and settings stay text', () => {
    const html = renderSequence(hostileDoc());
    // The page's one script is its own; no value opens a tag or breaks out of an attribute.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<b>|<\/p><script|" onmouseover/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(html).toContain('V&amp;W = &quot;<bdi>&lt;/p&gt;&lt;script&gt;1&lt;/script&gt;</bdi>&quot;');
    expect(html).toContain('<title>Task sequence</title>');
  });

  it('is one self-contained file: no link, src or url() to load, and a CSP that allows exactly its own style and script', () => {
    const html = renderSequence(readTaskSequence('<sequence version="3.10"><step type="SMS_TaskSequence_RebootAction" name="R"/></sequence>'));
    expect(html).not.toMatch(/<link|\ssrc=|url\(|@import|https?:/);
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(between(html, '<script>', '</script>')[0] ?? 'missing')}`);
    expect(csp).toContain(`style-src ${hash(between(html, '<style>', '</style>')[0] ?? 'missing')}`);
    // Nothing else is allowed to load (the page has no image: an img-src data: was allowed for none).
    expect(csp.split(';').map((d) => d.trim().split(' ')[0]).sort()).toEqual(['base-uri', 'default-src', 'form-action', 'script-src', 'style-src']);
  });

  it('is collapsible without JavaScript: groups are open <details>, the search box is hidden until the script shows it', () => {
    const html = renderSequence(hostileDoc());
    expect(html).toMatch(/<li class="item group" id="i1"[^>]*><details open><summary>/);
    expect(html).toContain('<div class="controls" id="search" hidden>');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it('greys disabled steps and gives each item searchable text of its name, type, variables and condition', () => {
    const html = renderSequence(readTaskSequence('<sequence><step type="SMS_TaskSequence_RunCommandLineAction" name="Off" disable="true"><condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">exists</variable><variable name="Variable">MyVar</variable></expression></condition></step></sequence>'));
    expect(html).toMatch(/<li class="item step disabled" id="i1" data-search="1 off run command line sms_tasksequence_runcommandlineaction {2}myvar exists myvar/);
    expect(html).toContain('<span class="badge">disabled</span>');
  });

  it('highlights changes in a comparison: badges, before and after', () => {
    const before = readTaskSequence('<sequence><step type="SMS_TaskSequence_RebootAction" name="R" continueOnError="false"/></sequence>');
    const after = readTaskSequence('<sequence><step type="SMS_TaskSequence_RebootAction" name="R" continueOnError="true"/><step type="SMS_TaskSequence_RunCommandLineAction" name="N"/></sequence>');
    const html = renderComparison(before, after);
    expect(html).toContain('<li class="item step changed" id="i1"');
    expect(html).toContain('<tr><th scope="row">attribute continueOnError</th><td><del dir="auto">false</del></td><td><ins dir="auto">true</ins></td></tr>');
    expect(html).toContain('<li class="item step added" id="i2"');
    expect(html).toContain('<span class="badge added">1 added</span>');
  });

  it('an index page links every page by its title', () => {
    const v = buildSequenceView(readTaskSequence('<SmsTaskSequencePackage><Name>A &amp; B</Name><SequenceData><sequence/></SequenceData></SmsTaskSequencePackage>'), { source: 'a.xml' });
    const html = renderIndex([{ href: 'a b.html', view: v }]);
    expect(html).toContain('<td><a href="a%20b.html" dir="auto">A &amp; B</a></td><td dir="auto">a.xml</td><td>0</td><td>0</td><td>0</td>');
    expect(renderIndex([{ href: 'a (1).md', view: v }], 'md')).toContain('| [A &amp; B](a%20%281%29.md) | a.xml | 0 | 0 | 0 |');
  });
});

describe('the Markdown page', () => {
  it('escapes hostile names: no raw HTML, no breaking out of a table cell or a list item', () => {
    const md = renderSequence(hostileDoc(), { format: 'md' });
    expect(md).not.toMatch(/<script|<b>|<img|<\/p>/);
    expect(md).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; \'q\' \\| \\*b\\* \\[l\\](u) \\`c\\`');
    // Every row of a table has as many unescaped pipes as its header.
    for (const table of md.split('\n\n').filter((b) => b.startsWith('|'))) {
      const counts = table.trim().split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(counts).size).toBe(1);
    }
  });

  it('shows the tree as nested lists, with conditions, settings and marks', () => {
    const md = renderSequence(
      readTaskSequence('<sequence><group name="G"><step type="SMS_TaskSequence_SetVariableAction" name="S" disable="true" continueOnError="true"><condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">1</variable><variable name="Variable">A</variable></expression></condition><defaultVarList><variable name="VariableName" property="VariableName">X</variable><variable name="VariableValue" property="VariableValue">1</variable></defaultVarList></step></group></sequence>'),
      { format: 'md', lint: false },
    );
    expect(md).toContain(['## Steps', '', '- 1 **G** (group)', '  - 1.1 **~~S~~** (Set Task Sequence Variable) — *disabled*, *continue on error*', '    - if A = "1"', '    - set: X = 1', ''].join('\n'));
    expect(md).toContain(['| A |   | 1.1 S |   |', '| X | 1.1 S |   |   |'].join('\n'));
  });
});
