/**
 * The README's tables of the action's inputs and outputs, generated from action.yml so that the two cannot
 * drift: `npm run docs:action` rewrites the section between the markers, and test/docs/action-docs.test.ts
 * fails when the committed README differs from what action.yml generates.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const START = '<!-- action-io:start (generated from action.yml by npm run docs:action; do not edit) -->';
export const END = '<!-- action-io:end -->';

interface ActionYml {
  inputs?: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs?: Record<string, { description?: string }>;
}

/** One line of markdown table text: folded whitespace, escaped pipes. */
function cell(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

function defaultCell(v: string | undefined): string {
  if (v === undefined || v === '') return '';
  return v.includes('`') ? cell(v) : `\`${cell(v)}\``;
}

/** The inputs and outputs tables, in action.yml's order. */
export function renderActionTables(actionYml: string): string {
  const doc = parse(actionYml) as ActionYml;
  const inputs = Object.entries(doc.inputs ?? {});
  const outputs = Object.entries(doc.outputs ?? {});
  return [
    `**Inputs** (${inputs.length}):`,
    '',
    '| input | default | description |',
    '|---|---|---|',
    ...inputs.map(([name, i]) => `| \`${name}\`${i.required ? ' (required)' : ''} | ${defaultCell(i.default)} | ${cell(i.description)} |`),
    '',
    `**Outputs** (${outputs.length}):`,
    '',
    '| output | description |',
    '|---|---|',
    ...outputs.map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
  ].join('\n');
}

/** README text with the generated section replaced; throws when the markers are missing. */
export function withActionTables(readme: string, tables: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md lacks the markers ${START} … ${END}`);
  return `${readme.slice(0, a + START.length)}\n${tables}\n${readme.slice(b)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = new URL('..', import.meta.url);
  const readmePath = new URL('README.md', root);
  const readme = readFileSync(readmePath, 'utf8');
  const next = withActionTables(readme, renderActionTables(readFileSync(new URL('action.yml', root), 'utf8')));
  if (next !== readme) writeFileSync(readmePath, next);
  console.log(next === readme ? 'README.md: action tables up to date' : 'README.md: action tables regenerated');
}
