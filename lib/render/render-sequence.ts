/**
 * The renderers' entry points: a task sequence, or the changes between two, as an HTML page or Markdown; and the
 * index page of a folder of rendered sequences.
 */
import type { TaskSequenceDocument } from '../document.js';
import { buildComparisonView } from './comparison-view.js';
import { escapeHtml as e, escapeMarkdown as m } from './escape.js';
import { INDEX_CSP, PAGE_CSS } from './html-assets.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { buildSequenceView } from './build-sequence-view.js';
import { checkFormat, checkIndexEntries, checkRenderedDocument, checkViewOptions } from './render-arguments.js';
import { flattenItems, type SequenceView, type ViewOptions } from './view-model.js';

/** Output formats. */
export type RenderFormat = 'html' | 'md';

/** Options of {@link renderSequence} and {@link renderComparison}. */
export interface RenderOptions extends ViewOptions {
  /** `html` (default): a self-contained page; `md`: GitHub-flavoured Markdown. */
  format?: RenderFormat;
}

function format(view: SequenceView, f: RenderFormat | undefined): string {
  return f === 'md' ? renderMarkdown(view) : renderHtml(view);
}

/** A task sequence as a self-contained HTML page (or Markdown): tree, settings, conditions, tables, findings. */
export function renderSequence(doc: TaskSequenceDocument, options: RenderOptions = {}): string {
  checkRenderedDocument(doc);
  checkViewOptions(options);
  checkFormat(options.format);
  return format(buildSequenceView(doc, options), options.format);
}

/** The new sequence with what changed since the old one highlighted: added, removed, moved, changed settings. */
export function renderComparison(oldDoc: TaskSequenceDocument, newDoc: TaskSequenceDocument, options: RenderOptions = {}): string {
  checkRenderedDocument(oldDoc, 'old');
  checkRenderedDocument(newDoc, 'new');
  checkViewOptions(options);
  checkFormat(options.format);
  return format(buildComparisonView(oldDoc, newDoc, options), options.format);
}

/** What an index row shows of a page: its title, its source, its counts and how many lint findings it has. */
export interface IndexSummary {
  title: string;
  source: string;
  counts: SequenceView['counts'];
  findings: number;
}

/** One entry of an index page: the page's file name (relative link) and its view, or what the index shows of it. */
export interface IndexEntry {
  href: string;
  view: SequenceView | IndexSummary;
}

/**
 * What the index shows of a view: a batch keeps this of each page rather than the page's view, so its memory is that
 * of one page however many it writes.
 */
export function indexSummary(v: SequenceView): IndexSummary {
  let findings = v.findings.length;
  for (const i of flattenItems(v.items)) findings += i.findings.length;
  return { title: v.title, source: v.source, counts: { ...v.counts }, findings };
}

/** The index page of several rendered sequences, linking each. */
export function renderIndex(entries: IndexEntry[], f: RenderFormat = 'html'): string {
  checkIndexEntries(entries);
  checkFormat(f);
  const rowsOf = entries.map(({ href, view }) => ({ href, v: 'items' in view ? indexSummary(view) : view }));
  if (f === 'md') {
    const rows = rowsOf.map(({ href, v }) => `| [${m(v.title)}](${encodeURI(href).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}) | ${m(v.source)} | ${v.counts.steps} | ${v.counts.groups} | ${v.findings} |`);
    return ['# Task sequences', '', '| task sequence | source | steps | groups | findings |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
  }
  const rows = rowsOf.map(({ href, v }) => `<tr><td><a href="${e(encodeURI(href))}" dir="auto">${e(v.title)}</a></td><td dir="auto">${e(v.source)}</td><td>${v.counts.steps}</td><td>${v.counts.groups}</td><td>${v.findings}</td></tr>`);
  return [
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(INDEX_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Task sequences</title>',
    `<style>${PAGE_CSS}</style>\n</head>\n<body>\n<main>\n<h1>Task sequences</h1>`,
    '<table><thead><tr><th scope="col">task sequence</th><th scope="col">source</th><th scope="col">steps</th><th scope="col">groups</th><th scope="col">findings</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>\n</main>\n</body>\n</html>\n',
  ].join('\n');
}
