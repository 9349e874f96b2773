/** The action's HTML report next to the report JSON: written, replaces its own earlier page, never a user's file. */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeHtmlReport } from '../../src/github/html-report.js';
import { renderReportHtml } from '../../src/render/html/report-page.js';
import { loadReport } from '../compare/reports.js';
import { userErrorOf } from '../support/user-error.js';

const head = loadReport('head');
const base = loadReport('base');

describe('writeHtmlReport', () => {
  test('nax-report.json → nax-report.html, the comparison page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-html-'));
    expect(await writeHtmlReport(dir, 'nax-report.json', { head, base }, { overwrite: false })).toBe('nax-report.html');
    expect(readFileSync(path.join(dir, 'nax-report.html'), 'utf8')).toBe(renderReportHtml({ head, base, title: 'nax-report.json' }));
    // Its own earlier page is replaced.
    expect(await writeHtmlReport(dir, 'nax-report.json', { head }, { overwrite: false })).toBe('nax-report.html');
    expect(readFileSync(path.join(dir, 'nax-report.html'), 'utf8')).not.toContain('<th>Base</th>');
  });

  test("a user's file at that path is kept unless overwrite-report", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-html-'));
    writeFileSync(path.join(dir, 'nax-report.html'), '<p>my page</p>');
    const e = await userErrorOf(writeHtmlReport(dir, 'nax-report.json', { head }, { overwrite: false }));
    expect(e.format()).toBe('nax-report.html: exists and is not a nax HTML report; not overwritten (choose another report-path, or set overwrite-report: true)');
    expect(readFileSync(path.join(dir, 'nax-report.html'), 'utf8')).toBe('<p>my page</p>');
    await writeHtmlReport(dir, 'nax-report.json', { head }, { overwrite: true });
    expect(readFileSync(path.join(dir, 'nax-report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});
