// The page's text colours against every background they can stand on, by WCAG 2's contrast ratio (AA: 4.5:1 for
// text). A warning finding on an added or moved item was 4.37:1 and 4.28:1 (#9a6700 on #dafbe1 and #ddf4ff).
import { describe, expect, it } from 'vitest';
import { PAGE_CSS } from '../../lib/render/html-assets.js';

/** #rgb as #rrggbb. */
const full = (hex: string): string => (hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex);
const vars = new Map([...PAGE_CSS.matchAll(/--([a-z-]+):(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})(?![0-9a-fA-F])/g)].map((m) => [m[1] as string, full(m[2] as string)]));
const colour = (name: string): string => {
  const c = vars.get(name);
  if (!c) throw new Error(`no --${name} in the page's style`);
  return c;
};

/** Relative luminance of a #rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const ratio = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

// What an item of the page can stand on: the page, and each mark a comparison gives an item.
const BACKGROUNDS = ['bg', 'soft', 'add-bg', 'chg-bg', 'del-bg', 'mov-bg'];

describe('text contrast on the page', () => {
  it('the text colours of an item (findings, muted text, the body) reach 4.5:1 on every background an item can have', () => {
    // The colours text is written in inside an item, read from the style itself so that a new rule is covered.
    const text = new Set([...PAGE_CSS.matchAll(/(?<![-\w])color:var\(--([a-z-]+)\)/g)].map((m) => m[1] as string));
    for (const used of ['fg', 'muted', 'del', 'chg']) expect(text).toContain(used);
    const low: string[] = [];
    for (const fg of ['fg', 'muted', 'del', 'chg']) {
      for (const bg of BACKGROUNDS) {
        const r = ratio(colour(fg), colour(bg));
        if (r < 4.5) low.push(`--${fg} on --${bg}: ${r.toFixed(2)}`);
      }
    }
    expect(low).toEqual([]);
  });

  it('an inserted and a deleted value, and a badge, reach 4.5:1 on their own backgrounds', () => {
    expect(ratio(colour('add'), colour('add-bg'))).toBeGreaterThanOrEqual(4.5);
    expect(ratio(colour('del'), colour('del-bg'))).toBeGreaterThanOrEqual(4.5);
    for (const badge of ['add', 'del', 'chg', 'mov']) expect(ratio('#ffffff', colour(badge)), badge).toBeGreaterThanOrEqual(4.5);
  });
});
