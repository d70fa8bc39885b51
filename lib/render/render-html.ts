/**
 * A sequence view as one self-contained HTML5 page: header, the collapsible tree (details/summary, so it works and
 * is keyboard-navigable without JavaScript), the variable and package tables and the lint findings. Every value is
 * escaped; the inline style and script are pinned by the page's Content-Security-Policy.
 */
import { escapeHtml as e, isolateHtml as iso, isolatePathHtml, isolateQuotedHtml } from './escape.js';
import { PAGE_CSP, PAGE_CSS, PAGE_SCRIPT } from './html-assets.js';
import { withinTextLimit } from '../text-length.js';
import { type ChangeView, countsLine, type FindingView, flattenItems, type ItemRef, type ItemView, NUMBER_LEVELS, type SequenceView, type UsageRow } from './view-model.js';

/**
 * The text the search looks in, escaped for the `data-search` attribute and in lower case, as the script makes what is
 * typed: lowered after escaping, so a control shown as `<U+202E>` is found by typing what the page shows (lowered
 * first, the escape wrote the upper-case `<U+202E>` the lowered query never matched). Entities are in lower case.
 */
function searchText(item: ItemView): string {
  return e([item.number, item.name, item.typeName, item.type ?? '', item.description, item.condition, ...item.sets, ...item.reads, ...item.packages, ...item.settings.map((s) => s.value), item.change?.mark ?? ''].join(' ')).toLowerCase();
}

function badges(item: ItemView): string {
  const b: string[] = [];
  if (item.disabled) b.push('<span class="badge">disabled</span>');
  else if (item.inDisabledGroup) b.push('<span class="badge">in a disabled group</span>');
  if (item.continueOnError) b.push('<span class="badge">continue on error</span>');
  if (item.change) b.push(`<span class="badge ${item.change.mark}">${item.change.mark}${item.change.from !== undefined ? ` from ${isolatePathHtml(item.change.from)}` : ''}</span>`);
  if (item.findings.length) b.push(`<span class="badge finding ${worst(item.findings)}">${item.findings.length} finding${item.findings.length === 1 ? '' : 's'}</span>`);
  return b.join(' ');
}

function worst(findings: FindingView[]): string {
  return findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
}

function headLine(item: ItemView): string {
  // A name of only white space shows as nothing: it is "(no name)" too, as in the Markdown.
  return `<span class="num">${e(item.number)}</span> ${item.name.trim() ? `<span class="name" dir="auto">${e(item.name)}</span>` : '<span class="name"><i>(no name)</i></span>'} <span class="type">${e(item.typeName)}</span> ${badges(item)}`;
}

/** The findings as a list (used beside a step and in the page's findings section). */
export function findingsHtml(findings: FindingView[], refs?: (f: FindingView) => string): string {
  if (!findings.length) return '';
  return `<ul class="findings">${findings.map((f) => `<li class="finding ${e(f.severity)}"><strong>${e(f.severity)}</strong> ${e(f.rule)}: <bdi dir="ltr">${e(f.message)}</bdi>${f.line !== undefined ? ` (line ${f.line})` : ''}${refs ? refs(f) : ''}</li>`).join('')}</ul>`;
}

function changesHtml(change: ChangeView | undefined): string {
  if (!change?.fields.length) return '';
  const cell = (s: string | undefined, tag: 'del' | 'ins') => (s === undefined ? '<td><i>(none)</i></td>' : `<td><${tag} dir="auto">${e(s)}</${tag}></td>`);
  return `<table class="changes"><caption class="type">changed settings</caption><thead><tr><th scope="col">setting</th><th scope="col">before</th><th scope="col">after</th></tr></thead><tbody>${change.fields.map((f) => `<tr><th scope="row">${e(f.field)}</th>${cell(f.before, 'del')}${cell(f.after, 'ins')}</tr>`).join('')}</tbody></table>`;
}

function bodyHtml(item: ItemView): string {
  const parts: string[] = [];
  if (item.description) parts.push(`<p class="desc" dir="auto">${e(item.description)}</p>`);
  if (item.condition) parts.push(`<p class="cond">if ${isolateQuotedHtml(item.condition)}</p>`);
  if (item.settings.length) parts.push(`<dl class="settings">${item.settings.map((s) => `<dt dir="auto">${e(s.label)}</dt><dd dir="auto">${e(s.value)}</dd>`).join('')}</dl>`);
  parts.push(changesHtml(item.change), findingsHtml(item.findings));
  const inner = parts.join('');
  return inner ? `<div class="body">${inner}</div>` : '';
}

/**
 * The `<li>` of each item, nested as the tree is down to {@link NUMBER_LEVELS} levels of groups, as the Markdown is:
 * the contents of a group deeper than that are listed after it in its own list, their numbers saying where they sit,
 * each with its group's id in `data-up` for the search script (which otherwise takes the group from the tree).
 * Each level of groups is three elements (`li`, `details`, `ol`), and an HTML parser stops nesting at a bound (512
 * elements in Chromium): a chain of some 170 groups put the rest of the page in the wrong place. A stack instead of
 * recursion, so a document read with a raised maxDepth cannot overflow the call stack: it holds the items still to
 * open, last sibling first, with their depth, and the closing markup of each open group, popped once its contents
 * are written.
 */
function treeHtml(items: ItemView[], out: string[]): void {
  const stack: ({ item: ItemView; depth: number; up?: string } | string)[] = items.map((item) => ({ item, depth: 0 })).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next === 'string') {
      out.push(next);
      continue;
    }
    const { item, depth, up } = next;
    const cls = ['item', item.kind === 'group' ? 'group' : 'step', ...(item.disabled ? ['disabled'] : []), ...(item.inDisabledGroup ? ['off'] : []), ...(item.change ? [item.change.mark] : [])].join(' ');
    // An item listed after its group rather than in it names the group, whose contents the search shows with it.
    out.push(`<li class="${cls}" id="${e(item.id)}" data-search="${searchText(item)}"${up === undefined ? '' : ` data-up="${e(up)}"`}>`);
    if (item.kind === 'group') {
      const nested = depth < NUMBER_LEVELS;
      out.push(`<details open><summary><span class="h">${headLine(item)}</span></summary>${bodyHtml(item)}${nested ? '<ol>' : ''}`);
      // Not nested: the group is closed first, and its contents follow it in the same list, at the same depth.
      if (nested) stack.push('</ol></details></li>\n');
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(nested ? { item: item.children[i] as ItemView, depth: depth + 1 } : { item: item.children[i] as ItemView, depth, up: item.id });
      if (!nested) stack.push('</details></li>\n');
    } else out.push(`<div class="head">${headLine(item)}</div>${bodyHtml(item)}`, '</li>\n');
  }
}

function refsHtml(refs: ItemRef[]): string {
  return refs.map((r) => `<a href="#${e(r.id)}">${e(r.number)} ${iso(r.name)}</a>`).join(', ');
}

/**
 * A usage row's note: a global variable's value after the page's `global: `, isolated (see escape.ts); the other
 * notes are the page's words around a package's program name, which ends them.
 */
function noteHtml(note: string): string {
  return note.startsWith('global: ') ? `global: ${iso(note.slice('global: '.length))}` : e(note);
}

function usageTable(id: string, caption: string, first: string, rows: UsageRow[], withReads: boolean): string {
  if (!rows.length) return `<section id="${id}"><h2>${caption}</h2><p class="summary">None.</p></section>`;
  const head = `<tr><th scope="col">${first}</th><th scope="col">${withReads ? 'set by' : 'used by'}</th>${withReads ? '<th scope="col">read by</th>' : ''}<th scope="col">note</th></tr>`;
  const body = rows.map((r) => `<tr><th scope="row" dir="auto">${e(r.name)}</th><td>${refsHtml(r.setBy)}</td>${withReads ? `<td>${refsHtml(r.readBy)}</td>` : ''}<td class="note">${noteHtml(r.note ?? '')}</td></tr>`).join('\n');
  return `<section id="${id}"><h2>${caption}</h2><table class="usage"><thead>${head}</thead><tbody>\n${body}\n</tbody></table></section>`;
}

/** The page's HTML document for a view; `INPUT_TOO_LARGE` for one longer than a string can be. */
export function renderHtml(view: SequenceView): string {
  return withinTextLimit('The page', () => pageHtml(view));
}

function pageHtml(view: SequenceView): string {
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    `<meta http-equiv="Content-Security-Policy" content="${e(PAGE_CSP)}">\n`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="cmts render">\n',
    `<title>${e(view.title)}</title>\n<style>${PAGE_CSS}</style>\n</head>\n<body>\n<a class="skip" href="#steps">Skip to the steps</a>\n<header>\n`,
    `<h1 dir="auto">${e(view.title)}</h1>\n<dl class="facts"><dt>source</dt><dd dir="auto">${e(view.source)}</dd>${view.header.map((h) => `<dt>${e(h.label)}</dt><dd dir="auto">${e(h.value)}</dd>`).join('')}</dl>\n`,
    `<p class="summary">${countsLine(view)} <a href="#variables">Variables</a> · <a href="#packages">Packages</a> · <a href="#findings">Findings</a></p>\n`,
  );
  if (view.references.length) {
    out.push(
      `<details><summary>${view.references.length} references (referenceList)</summary><table><thead><tr><th scope="col">package</th><th scope="col">program</th><th scope="col">application</th></tr></thead><tbody>`,
      ...view.references.map((r) => `<tr><td dir="auto">${e(r.package ?? '')}</td><td dir="auto">${e(r.program ?? '')}</td><td dir="auto">${e(r.application ?? '')}</td></tr>`),
      '</tbody></table></details>\n',
    );
  }
  if (view.changes) {
    const s = view.changes.summary;
    out.push(`<div class="banner" id="changes"><strong>Changes:</strong> <span class="badge added">${s.added} added</span> <span class="badge removed">${s.removed} removed</span> <span class="badge changed">${s.changed} changed</span> <span class="badge moved">${s.moved} moved</span>`);
    if (view.changes.other.length) out.push(`<ul>${view.changes.other.map((o) => `<li>${isolateQuotedHtml(o)}</li>`).join('')}</ul>`);
    out.push('</div>\n');
  }
  out.push(
    '</header>\n<main>\n<section id="steps" aria-labelledby="steps-h"><h2 id="steps-h">Steps</h2>\n',
    '<div class="controls" id="search" hidden><label for="q">Filter steps</label> <input type="search" id="q" placeholder="name, type, variable, package or condition" autocomplete="off"> <span id="matches" role="status"></span></div>\n<ol class="tree">\n',
  );
  treeHtml(view.items, out);
  out.push('</ol>\n</section>\n');
  out.push(usageTable('variables', 'Task sequence variables', 'variable', view.variables, true), '\n', usageTable('packages', 'Packages', 'package', view.packages, false), '\n');
  out.push('<section id="findings"><h2>Findings</h2>');
  const all = collectFindings(view);
  const itemOf = new Map(all.map((a) => [a.finding, a.item]));
  const refOf = (f: FindingView): string => {
    const item = itemOf.get(f);
    return item ? ` — <a href="#${e(item.id)}">${e(item.number)} ${iso(item.name)}</a>` : '';
  };
  out.push(all.length ? findingsHtml(all.map((a) => a.finding), refOf) : '<p class="summary">No findings.</p>');
  out.push(`</section>\n</main>\n<script>${PAGE_SCRIPT}</script>\n</body>\n</html>\n`);
  return out.join('');
}

function collectFindings(view: SequenceView): { finding: FindingView; item?: ItemView }[] {
  const out: { finding: FindingView; item?: ItemView }[] = view.findings.map((finding) => ({ finding }));
  for (const item of flattenItems(view.items)) for (const finding of item.findings) out.push({ finding, item });
  return out;
}
