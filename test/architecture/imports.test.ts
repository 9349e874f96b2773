/**
 * The module table of the architecture as a rule CI enforces: the pure core (physics, cost, search,
 * statistics, comparison, rendering) never imports the edges, GitHub, or the file system, and never reads the
 * environment or the clock; the computing folders never import render/ (the data flow runs one way: rendering
 * reads their results); the model loader knows nothing of crossbar mappings. Imports are read with the
 * TypeScript compiler's own scanner, so comments and strings do not count.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(new URL('../../src', import.meta.url).pathname);

/** Folders whose code must be pure: typed values in, typed values out. */
const PURE = ['xbar', 'cost', 'search', 'stats', 'compare', 'render', 'mapping'];
/** What the pure folders may not import: the edges and any I/O module. */
const FORBIDDEN_FOLDERS = ['github', 'action', 'cli', 'io', 'runtime/fs-io'];
/** The data flow runs one way: rendering reads the computing folders' results, never the reverse. */
const UPSTREAM_OF_RENDER = ['xbar', 'cost', 'search', 'stats', 'compare', 'mapping'];
const FORBIDDEN_PACKAGES = [/^@actions\//, /^@octokit\//, /^(node:)?fs(\/promises)?$/, /^(node:)?child_process$/, /^(node:)?net$/, /^(node:)?https?$/];

/**
 * Known violations, each with the issue that removes it. The test fails when one disappears, so the list
 * only shrinks.
 */
const KNOWN: ReadonlyMap<string, string> = new Map<string, string>([]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

interface Finding { readonly rel: string; readonly what: string }

function scan(rel: string, text: string): Finding[] {
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.ES2022, true);
  const out: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ rel, what: `imports ${node.moduleSpecifier.text}` });
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.push({ rel, what: `imports ${node.arguments[0].text}` });
    }
    if (ts.isPropertyAccessExpression(node)) {
      const s = node.getText(sf);
      if (s === 'process.env') out.push({ rel, what: 'reads process.env' });
      if (s === 'performance.now' || s === 'Date.now') out.push({ rel, what: `reads the clock (${s})` });
    }
    if (ts.isNewExpression(node) && node.expression.getText(sf) === 'Date' && (node.arguments?.length ?? 0) === 0) out.push({ rel, what: 'reads the clock (new Date())' });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The src-relative folder path an import specifier of `rel` points at, or the package name. */
function target(rel: string, spec: string): { folder?: string; pkg?: string } {
  if (!spec.startsWith('.')) return { pkg: spec };
  const resolved = path.normalize(path.join(path.dirname(rel), spec)).replace(/\.js$/, '');
  return { folder: resolved };
}

/** Rule violations of the given files (src-relative path → text). */
function violations(sources: ReadonlyArray<readonly [string, string]>): string[] {
  const out: string[] = [];
  for (const [rel, text] of sources) {
    const top = rel.split(path.sep)[0];
    for (const f of scan(rel, text)) {
      const spec = f.what.startsWith('imports ') ? f.what.slice(8) : undefined;
      if (PURE.includes(top)) {
        if (!spec) {
          out.push(`${rel} ${f.what}`);
          continue;
        }
        const t = target(rel, spec);
        if (t.pkg && FORBIDDEN_PACKAGES.some((re) => re.test(t.pkg as string))) out.push(`${rel} ${f.what}`);
        if (t.folder && FORBIDDEN_FOLDERS.some((fd) => t.folder === fd || t.folder!.startsWith(`${fd}/`))) out.push(`${rel} ${f.what}`);
        if (t.folder && /^(cli|action)(-main)?$/.test(t.folder)) out.push(`${rel} ${f.what}`);
        if (t.folder?.startsWith('render/') && UPSTREAM_OF_RENDER.includes(top!)) out.push(`${rel} ${f.what}`);
      }
      if (top === 'model' && spec) {
        const t = target(rel, spec);
        if (t.folder?.startsWith('mapping/') || t.folder?.startsWith('xbar/') || t.folder?.startsWith('cost/')) out.push(`${rel} ${f.what}`);
      }
      // Below the edges (cli, action, github, io) nothing reads the environment (the clock is allowed in the orchestration layer for
      // opt-in timings, and in runtime/ for progress, but not in the pure folders: checked above).
      if (!PURE.includes(top) && f.what === 'reads process.env' && !/^(cli|action|github|io|index)/.test(rel)) out.push(`${rel} ${f.what}`);
    }
  }
  return [...new Set(out)].sort();
}

describe('architecture import rules', () => {
  const found = violations(files(SRC).map((f) => [path.relative(SRC, f), readFileSync(f, 'utf8')] as const));

  test('the pure core imports no edge, no GitHub, no file system, and nothing of render/ below it; reads no environment or clock; model/ knows no mapping', () => {
    expect(found.filter((v) => !KNOWN.has(v))).toEqual([]);
  });

  test('every listed known violation still exists (fixing one means removing it from the list)', () => {
    expect([...KNOWN.keys()].filter((k) => !found.includes(k))).toEqual([]);
  });

  test('the rules catch what they are for, and not comments or strings', () => {
    const probe = violations([
      ['xbar/probe.ts', "import { readFileSync } from 'node:fs';\n// import x from '../github/y.js'\nconst s = 'process.env';\nconst t = performance.now();\n"],
      ['render/probe.ts', "import * as core from '@actions/core';\nimport { run } from '../github/publish.js';\nexport { x } from '../cli.js';\n"],
      ['compare/probe.ts', "const k = process.env.HOME; const d = new Date(); const m = await import('node:child_process');\n"],
      ['model/probe.ts', "import type { TileGeometry } from '../mapping/tiling.js';\n"],
      ['search/probe.ts', "import { searchSummaryMarkdown } from '../render/search-summary.js';\n"],
      ['render/probe2.ts', "import { markdownTable } from './table.js';\nimport { paretoFront } from '../search/pareto.js';\n"],
      ['pipeline.ts', "const t0 = performance.now(); const e = process.env.CI;\n"],
      ['github/probe.ts', "import { readFile } from 'node:fs/promises'; const e = process.env.GITHUB_TOKEN;\n"],
    ]);
    expect(probe).toEqual([
      'compare/probe.ts imports node:child_process',
      'compare/probe.ts reads process.env',
      'compare/probe.ts reads the clock (new Date())',
      'model/probe.ts imports ../mapping/tiling.js',
      'pipeline.ts reads process.env',
      'render/probe.ts imports ../cli.js',
      'render/probe.ts imports ../github/publish.js',
      'render/probe.ts imports @actions/core',
      'search/probe.ts imports ../render/search-summary.js',
      'xbar/probe.ts imports node:fs',
      'xbar/probe.ts reads the clock (performance.now)',
    ]);
  });
});
