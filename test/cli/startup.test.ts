/**
 * `nax --help` and `nax --version` start without evaluating tfjs or nax.yml's parser: the static (value)
 * imports reachable from the CLI entry never reach them; commands import them inside their handlers. Read with
 * the TypeScript scanner, so type-only imports and dynamic `import()` do not count.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { EXIT_OK } from '../../src/cli.js';
import { NAX_VERSION } from '../../src/version.js';
import { nax } from '../support/run-cli.js';

const SRC = path.resolve(new URL('../../src', import.meta.url).pathname);

/** Packages reachable through static value imports from `entry` (src-relative), with one path to each. */
function staticPackages(entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const s of sf.statements) {
      if (!(ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) || !s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier)) continue;
      if (ts.isImportDeclaration(s) && s.importClause?.isTypeOnly) continue;
      if (ts.isExportDeclaration(s) && s.isTypeOnly) continue;
      const spec = s.moduleSpecifier.text;
      const here = [...trail, path.relative(SRC, file)];
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')), here);
      else if (!found.has(spec)) found.set(spec, here);
    }
  };
  visit(path.join(SRC, entry), []);
  return found;
}

describe('startup of nax --help and --version', () => {
  test.each(['cli-main.ts', 'cli.ts'])('%s does not statically reach tfjs, yaml or the worker pool', (entry) => {
    const pkgs = staticPackages(entry);
    const heavy = [...pkgs].filter(([p]) => /^@tensorflow\/|^yaml$|^@actions\/|^@octokit\//.test(p)).map(([p, trail]) => `${p} via ${trail.join(' → ')}`);
    expect(heavy).toEqual([]);
    // The scan does see packages: commander is the one the program needs at once.
    expect(pkgs.has('commander')).toBe(true);
  });

  test('the scan finds tfjs where it is imported statically (it can fail)', () => {
    expect([...staticPackages('pipeline.ts').keys()].some((p) => p.startsWith('@tensorflow/'))).toBe(true);
  });

  test('--version prints the version; --help lists every command and the exit codes', async () => {
    const v = await nax(['--version'], process.cwd());
    expect(v.code).toBe(EXIT_OK);
    expect(v.out.trim()).toBe(NAX_VERSION);
    const h = await nax(['--help'], process.cwd());
    expect(h.code).toBe(EXIT_OK);
    for (const c of ['simulate', 'cost', 'sweep', 'sensitivity', 'check', 'search', 'merge', 'xbar', 'report', 'mapping']) expect(h.out).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    expect(h.out).toContain('70 internal error');
  });
});
