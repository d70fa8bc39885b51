// docs/steps.md, the step reference: what lib/catalog/step-reference.ts makes of the catalog (npm run generate writes
// it; scripts/generate.mjs --check, in generated.test.ts, fails on a stale page too), its examples compile and run as
// written, every step type and setting has its place, and its Markdown reads as meant: tables of six cells a row,
// no markup the catalog's texts would start by accident, anchors that reach their headings.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked, type Token, type Tokens } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { headingAnchor, STEP_REFERENCE_PATH, stepReference } from '../lib/catalog/step-reference.js';
import { exampleProblems, pointAtSources } from './helpers/example-compile.js';
import { findItems, fromYaml, stepCatalog, stepView, type Step } from './helpers/api.js';

const page = readFileSync(resolve(STEP_REFERENCE_PATH), 'utf8');
const block = (lang: string) => new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(page)?.[1] ?? '';

/** The page's section of one step type: from its heading to the next heading of that level or above. */
function section(consoleName: string): string {
  const start = page.indexOf(`\n### ${consoleName}\n`);
  const end = page.slice(start + 1).search(/\n##+ /);
  return start < 0 ? '' : page.slice(start, end < 0 ? undefined : start + 1 + end);
}

describe('docs/steps.md', () => {
  it('is what the step catalog makes (run npm run generate when this fails)', () => {
    expect(page).toBe(stepReference());
  });

  it('comes out the same every time', () => {
    expect(stepReference()).toBe(stepReference());
  });

  const dir = mkdtempSync(join(tmpdir(), 'cmts-step-reference-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const example = join(dir, 'example.ts');
  // `x; // => v` asserts v, as in the README's API examples.
  writeFileSync(
    example,
    `declare function __expect(actual: unknown, expected: unknown): void;\n${pointAtSources(block('ts').replace(/^(\s*)(.+?);\s*\/\/ => (\S+).*$/gm, (_, indent: string, expr: string, value: string) => `${indent}__expect(${expr}, ${value});`))}\nexport {};\n`,
  );

  it('has a TypeScript example that type-checks against the sources', () => {
    expect(block('ts')).toContain('addStep(');
    expect(exampleProblems([example])).toEqual([]);
  }, 60_000);

  it('has a TypeScript example that runs as written', async () => {
    const seen: [unknown, unknown][] = [];
    (globalThis as { __expect?: (a: unknown, b: unknown) => void }).__expect = (a, b) => seen.push([a, b]);
    await import(/* @vite-ignore */ pathToFileURL(example).href);
    expect(seen.length).toBe(2);
    for (const [actual, expected] of seen) expect(actual).toEqual(expected);
  });

  it('has a YAML example that builds the same settings', () => {
    const doc = fromYaml(block('yaml'));
    const step = findItems(doc.sequence, { type: 'SMS_TaskSequence_ApplyOperatingSystemAction' })[0]?.node as Step;
    expect(stepView<'Apply Operating System Image'>(step).settings).toMatchObject({ imagePackageId: 'ABC00010', imageIndex: 3, destinationVariable: 'OSDisk' });
  });

  it('has a section for every step type, with a row for each of its settings', () => {
    for (const entry of stepCatalog) {
      const text = section(entry.consoleName);
      expect(text, entry.consoleName).toContain(`\`${entry.type}\``);
      for (const v of entry.variables) expect(text, `${entry.consoleName}: ${v.setting}`).toMatch(new RegExp(`^\\| \`${v.setting}\` \\| \`${v.name.replace(/[{}]/g, '\\$&')}\``, 'm'));
    }
    expect(page.match(/^### /gm)?.length).toBe(stepCatalog.length);
  });

  it('has tables of six cells a row, a `|` in a value escaped', () => {
    const rows = page.split('\n').filter((l) => l.startsWith('|'));
    expect(rows.length).toBeGreaterThan(stepCatalog.reduce((n, e) => n + e.variables.length, 0));
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length, row).toBe(8);
    // A value that holds a `|` (an allowed-values note) is in its cell, escaped.
    expect(page).toContain('ByVariable \\| NextPartition');
  });

  it("starts no markup from the catalog's texts: no HTML but the generated-file note, links only to its headings and the repository", () => {
    const tokens = marked.lexer(page, { gfm: true });
    const html: string[] = [];
    const links: string[] = [];
    const tables: Tokens.Table[] = [];
    // walkTokens returns the promises of async extensions; the page uses none.
    void marked.walkTokens(tokens, (t: Token) => {
      if (t.type === 'html') html.push(t.raw.trim());
      if (t.type === 'link') links.push((t as Tokens.Link).href);
      if (t.type === 'table') tables.push(t as Tokens.Table);
      if (t.type === 'del') throw new Error(`strike-through: ${t.raw}`);
    });
    expect(html).toEqual([expect.stringMatching(/^<!-- Generated by scripts\/generate\.mjs .* -->$/)]);
    const anchors = new Set([...page.matchAll(/^#+ (.+)$/gm)].map((m) => headingAnchor(m[1] ?? '')));
    expect(anchors.size).toBe(page.match(/^#+ /gm)?.length);
    for (const href of links) expect(href.startsWith('#') ? anchors.has(href.slice(1)) : ['../lib/catalog/step-data.ts', '../README.md#step-catalog'].includes(href), href).toBe(true);
    expect(tables.length).toBe(stepCatalog.reduce((n, e) => n + (e.variables.some((v) => !v.arrayOf) ? 1 : 0) + e.variables.filter((v) => v.valueType === 'array' && e.variables.some((f) => f.arrayOf === v.property)).length, 0));
    for (const t of tables) for (const row of t.rows) expect(row.length).toBe(6);
  });

  it('is linked from the README step catalog section', () => {
    const readme = readFileSync(resolve('README.md'), 'utf8');
    const catalog = readme.slice(readme.indexOf('\n## Step catalog\n'), readme.indexOf('\n## ', readme.indexOf('\n## Step catalog\n') + 1));
    expect(catalog).toContain(`](${STEP_REFERENCE_PATH})`);
  });
});
