import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { END, START, renderActionTables, withActionTables } from '../../scripts/action-docs.js';

const root = new URL('../../', import.meta.url);
const actionYml = readFileSync(new URL('action.yml', root), 'utf8');
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('README action tables', () => {
  test('the committed README lists exactly what action.yml declares (run npm run docs:action)', () => {
    expect(withActionTables(readme, renderActionTables(actionYml))).toBe(readme);
  });

  test('every input and output of action.yml has a row', () => {
    const doc = parse(actionYml) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const section = readme.slice(readme.indexOf(START), readme.indexOf(END));
    for (const name of [...Object.keys(doc.inputs), ...Object.keys(doc.outputs)]) expect(section).toContain(`| \`${name}\``);
  });

  test('a pipe in a description cannot break the table', () => {
    const t = renderActionTables('inputs:\n  x:\n    description: "a | b"\n    default: "1"\noutputs: {}\n');
    expect(t).toContain('| `x` | `1` | a \\| b |');
  });
});
