/**
 * The terminal contract: colour only where a person reads it (NO_COLOR, TERM=dumb and pipes turn it off),
 * and `--json -` puts the JSON alone on stdout.
 */
import { describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_OK } from '../../src/cli.js';
import { type CliIo, useColor } from '../../src/cli/context.js';
import { ANSI, terminalStyle } from '../../src/cli/style.js';
import { PLAIN } from '../../src/render/text-style.js';
import { nax } from '../support/run-cli.js';

const ESC = '\u001b[';

describe('colour', () => {
  test('on for a terminal; NO_COLOR (any non-empty value), TERM=dumb or a pipe turn it off', () => {
    expect(useColor({}, true)).toBe(true);
    expect(useColor({ NO_COLOR: '' }, true)).toBe(true); // no-color.org: only a non-empty value counts
    expect(useColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor({ NO_COLOR: 'false' }, true)).toBe(false);
    expect(useColor({ TERM: 'dumb' }, true)).toBe(false);
    expect(useColor({}, false)).toBe(false);
  });

  test('the terminal style colours verdicts with ANSI codes only when the CliIo allows colour', () => {
    const io = (color: boolean): CliIo => ({ out: () => undefined, err: () => undefined, cwd: '.', color });
    expect(terminalStyle(io(false))).toBe(PLAIN);
    expect(terminalStyle(io(true))).toBe(ANSI);
    expect(ANSI.verdict('FAIL', 'fail')).toBe(`${ESC}31mFAIL${ESC}0m`);
    expect(ANSI.verdict('PASS', 'pass')).toBe(`${ESC}32mPASS${ESC}0m`);
    expect(PLAIN.verdict('FAIL', 'fail')).toBe('FAIL');
  });
});

describe('--json -', () => {
  test('nax cost --json - writes the report JSON alone to stdout and the table to stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-json-'));
    cpSync('fixtures', dir, { recursive: true });
    const r = await nax(['cost', '--config', 'nax.yml', '--json', '-', '--backend', 'cpu'], dir);
    expect(r.code).toBe(EXIT_OK);
    const doc = JSON.parse(r.out) as { schema: string; cost: { totals: { edap: number } } };
    expect(doc.schema).toMatch(/^nax-report\//);
    expect(doc.cost.totals.edap).toBeGreaterThan(0);
    expect(r.err).toMatch(/^layer +crossbars/m);
    expect(r.out).not.toContain(ESC);
    // Without it, the table is on stdout.
    const plain = await nax(['cost', '--config', 'nax.yml', '--backend', 'cpu'], dir);
    expect(plain.out).toMatch(/^layer +crossbars/m);
    expect(() => JSON.parse(plain.out)).toThrow();
  });
});
