// The layers of lib/ as imports: no module imports itself back through others, and no lower layer reaches up.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LIB = resolve('lib');

interface Edge {
  from: string;
  to: string;
  /** Only types are imported: erased from the JavaScript, so no evaluation order and no bundle weight. */
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly || (!!node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.every((e) => e.isTypeOnly));
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** Every relative import of every module in lib/, as paths relative to lib/. */
function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of files(LIB)) {
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const from = relative(LIB, file);
    const add = (spec: string, typeOnly: boolean): void => {
      if (!spec.startsWith('.')) return;
      out.push({ from, to: relative(LIB, resolve(dirname(file), spec)).replace(/\.js$/, '.ts'), typeOnly });
    };
    const walk = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, isTypeOnly(node));
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        add(node.arguments[0].text, false);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node.argument.literal.text, true);
      }
      ts.forEachChild(node, walk);
    };
    walk(src);
  }
  return out;
}

/** The cycles of a graph, each as the path that closes it (found by depth-first search). */
function cycles(graph: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of graph) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const dfs = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) dfs(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...next.keys()].sort()) if (!state.has(n)) dfs(n);
  return found;
}

const under = (dir: string) => (p: string) => p.startsWith(`${dir}/`);
const is = (file: string) => (p: string) => p === file;
const either =
  (...tests: ((p: string) => boolean)[]) =>
  (p: string) =>
    tests.some((t) => t(p));

/** Lower layer → what it must not import (value or type). */
const RULES: { name: string; from: (p: string) => boolean; to: (p: string) => boolean; runtimeOnly?: boolean }[] = [
  // The list of characters a message escapes and a page shows as <U+…> is one module both read (unprintable.ts), and
  // the tables of codes are data of their own (error-codes.ts): the bottom may import them, and only them, as long as
  // they import nothing themselves.
  { name: 'errors.ts is the bottom: it imports nothing but unprintable.ts and error-codes.ts', from: is('errors.ts'), to: (p) => p !== 'unprintable.ts' && p !== 'error-codes.ts' },
  { name: 'unprintable.ts, under the bottom, imports nothing', from: is('unprintable.ts'), to: () => true },
  { name: 'error-codes.ts, under the bottom, imports nothing', from: is('error-codes.ts'), to: () => true },
  { name: 'nothing imports the root index (it only re-exports)', from: () => true, to: is('index.ts') },
  { name: 'only the command line imports the command line', from: (p) => !p.startsWith('cli/'), to: under('cli') },
  { name: 'commands never import main.ts', from: (p) => p.startsWith('cli/') && p !== 'cli/bin.ts' && p !== 'cli/launch.ts', to: is('cli/main.ts') },
  { name: 'the model does not import the reader or the writer', from: under('model'), to: either(is('read.ts'), is('write.ts')) },
  {
    name: 'the model does not load the document or anything built on it (it may name their types)',
    from: under('model'),
    to: either(is('document.ts'), under('transforms'), under('presets'), under('lint'), under('diff'), under('render')),
    runtimeOnly: true,
  },
  {
    name: 'transforms and presets do not import lint, diff, render or the command line',
    from: either(under('transforms'), under('presets')),
    to: either(under('lint'), under('diff'), under('render')),
  },
];

describe('the import graph of lib/', () => {
  const graph = edges();

  it('finds the imports it checks (the scan is not empty)', () => {
    expect(graph.some((e) => e.from === 'read.ts' && e.to === 'document.ts' && !e.typeOnly)).toBe(true);
    expect(graph.some((e) => e.typeOnly)).toBe(true);
  });

  it('has no cycle of runtime imports', () => {
    expect(cycles(graph.filter((e) => !e.typeOnly)).map((c) => c.join(' → '))).toEqual([]);
  });

  for (const rule of RULES) {
    it(rule.name, () => {
      const bad = graph.filter((e) => rule.from(e.from) && rule.to(e.to) && !(rule.runtimeOnly && e.typeOnly));
      expect(bad.map((e) => `${e.from} → ${e.to}${e.typeOnly ? ' (types)' : ''}`)).toEqual([]);
    });
  }

  // The XML node types still live in model/types.ts until the xml branch moves them into xml/; from the moment xml/
  // declares its own Element type this check runs (and fails if xml/ still reaches into model/).
  const xmlOwnsItsTypes = files(join(LIB, 'xml')).some((f) => /export (interface|type) (Xml)?Element\b/.test(readFileSync(f, 'utf8')));
  it.skipIf(!xmlOwnsItsTypes)('xml/ knows nothing of task sequences: it imports nothing outside xml/ but errors.ts', () => {
    const bad = graph.filter((e) => e.from.startsWith('xml/') && !e.to.startsWith('xml/') && e.to !== 'errors.ts');
    expect(bad.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });
});
