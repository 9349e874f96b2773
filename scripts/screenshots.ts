/**
 * Dev script (not run in CI): screenshots of the fixture's HTML report and of the rendered PR comment,
 * written to docs/ for the README. Rerun after the fixture or the renderer changes:
 *
 *   npm run screenshots                 # Chromium at /usr/bin/chromium (apt-get install -y chromium)
 *   NAX_MERMAID_JS=…/mermaid.min.js npm run screenshots   # also draw the comment's mermaid chart
 *
 * The comment is fixtures/github/expected-comment.md (the renderer's output, kept current by the render
 * tests with UPDATE_EXPECTED=1), turned into HTML by `marked` with GitHub-like styles. Mermaid is not a
 * dependency (its package pulls ~200 MB); without NAX_MERMAID_JS the chart shows as its code block, as in
 * a markdown viewer without mermaid.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import { renderReportHtml } from '../src/render/html/report-page.js';
import type { NaxReport } from '../src/report.js';
import { launchChromium } from '../test/support/browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (rel: string) => path.join(ROOT, rel);
const report = (name: string) => JSON.parse(readFileSync(at(`fixtures/reports/${name}.json`), 'utf8')) as NaxReport;

/** Styles close to GitHub's light theme for a comment body (column width ~ a PR conversation). */
const COMMENT_CSS = `
body { margin: 0; background: #fff; }
.comment { width: 880px; margin: 16px; border: 1px solid #d0d7de; border-radius: 6px; }
.comment-header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; font: 14px -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #59636e; }
.markdown-body { padding: 16px; font: 14px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.markdown-body h3 { font-size: 1.25em; margin: 0 0 12px; }
.markdown-body table { border-collapse: collapse; display: block; overflow: auto; margin: 12px 0; font-size: 13px; }
.markdown-body th, .markdown-body td { border: 1px solid #d0d7de; padding: 4px 10px; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body th { font-weight: 600; }
.markdown-body code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; background: rgba(175,184,193,0.2); padding: 2px 4px; border-radius: 6px; }
.markdown-body pre { background: #f6f8fa; padding: 12px; border-radius: 6px; overflow: auto; }
.markdown-body pre code { background: none; padding: 0; }
.markdown-body blockquote { margin: 8px 0; padding: 0 12px; color: #59636e; border-left: 4px solid #d0d7de; }
.markdown-body sub { color: #59636e; }
.markdown-body ul { padding-left: 24px; }
`;

function commentPage(markdown: string): string {
  const body = marked.parse(markdown, { async: false });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${COMMENT_CSS}</style></head><body>` +
    `<div class="comment"><div class="comment-header"><b>github-actions</b> bot commented</div>` +
    `<div class="markdown-body">${body}</div></div></body></html>`;
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent(renderReportHtml({ base: report('base'), head: report('head'), title: 'nax-report.json' }), { waitUntil: 'load' });
    await page.screenshot({ path: at('docs/html-report.png'), fullPage: true });

    // A fresh page: the report's Content-Security-Policy (no script) stays with the document it was set on.
    const comment = await browser.newPage({ viewport: { width: 920, height: 800 } });
    await comment.setContent(commentPage(readFileSync(at('fixtures/github/expected-comment.md'), 'utf8')), { waitUntil: 'load' });
    // Show the per-layer table as a reviewer who opened it would see it.
    await comment.evaluate('document.querySelectorAll("details").forEach((d) => { d.open = true; })');
    const mermaidJs = process.env.NAX_MERMAID_JS;
    if (mermaidJs) {
      await comment.addScriptTag({ content: readFileSync(mermaidJs, 'utf8') });
      await comment.evaluate(`(async () => {
        for (const code of document.querySelectorAll('pre > code.language-mermaid')) {
          const div = document.createElement('div');
          div.className = 'mermaid';
          div.textContent = code.textContent;
          code.parentElement.replaceWith(div);
        }
        mermaid.initialize({ startOnLoad: false, theme: 'default' });
        await mermaid.run();
      })()`);
    }
    await comment.locator('.comment').screenshot({ path: at('docs/pr-comment.png') });
    writeFileSync(at('docs/README.md'), [
      '# Screenshots',
      '',
      'Made by `npm run screenshots` (scripts/screenshots.ts) from the fixture reports in headless Chromium;',
      `the comment's mermaid chart is ${mermaidJs ? 'drawn by mermaid' : 'shown as its code block (run with NAX_MERMAID_JS to draw it)'}.`,
      '',
      '- `pr-comment.png`: the PR comment (fixtures/github/expected-comment.md), per-layer table opened.',
      '- `html-report.png`: `nax report fixtures/reports/head.json --base fixtures/reports/base.json --html …` at 1280 px.',
      '',
    ].join('\n'));
  } finally {
    await browser.close();
  }
}

await main();
