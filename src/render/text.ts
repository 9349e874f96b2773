/**
 * Plain-text rendering for the terminal (`nax check`): the same tables as the comment, padded into
 * columns, no markdown. Pure.
 */
import { shortSha } from './format.js';
import type { RenderInput } from './render-input.js';
import {
  breachSentence,
  layerCountsText,
  layerTable,
  settingsText,
  totalsTable,
  verdictHeadline,
} from './tables.js';
import { resolutionSentences } from './resolution.js';
import { PLAIN, type TextStyle } from './text-style.js';
import { textTable } from './table.js';

/** Left-aligned columns separated by two spaces; the header is underlined with dashes (render/table.ts). */
export function columns(rows: readonly (readonly string[])[]): string {
  return textTable(rows);
}

const VERDICT_WORD = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', 'no-baseline': 'NO BASELINE' } as const;

/** The comparison as terminal text. */
export function renderText(input: RenderInput, style: TextStyle = PLAIN): string {
  const c = input.comparison;
  const b = input.baseline;
  const h = verdictHeadline(c);
  const plain = (s: string) => s;
  const out: string[] = [];
  out.push(style.verdict(`nax check: ${VERDICT_WORD[c.verdict]} (${h.title})`, c.verdict));
  out.push(c.hasBaseline
    ? `base ${shortSha(b.commit)}${b.ref ? ` (${b.ref})` : ''} -> head ${shortSha(input.headSha)}`
    : `head ${shortSha(input.headSha)}; no baseline: ${b.missingReason ?? 'no base report'}. Relative budgets were not checked; this is not a pass.`);
  for (const g of input.gate?.changes ?? []) out.push(`this PR changes the gate: ${g}`);
  if (input.gate?.budgetsFrom === 'head') out.push("budgets: the PR's own (the base has no nax.yml)");
  out.push('');
  const totals = totalsTable(c, { baseLabel: 'base', headLabel: 'head', lineBreak: '; ' })
    .map((r) => r.map((cell) => cell.replace(/[✅⚠️❌➖]\uFE0F? ?/gu, '')));
  out.push(columns(totals));
  const breached = c.budgets.filter((r) => r.status === 'warn' || r.status === 'fail');
  if (breached.length > 0) {
    out.push('');
    for (const r of breached) {
      out.push(`${style.verdict(r.status.toUpperCase(), r.status === 'fail' ? 'fail' : 'warn')}: ${breachSentence(r)}${r.layers.length > 0 ? ` (layers: ${r.layers.join(', ')})` : ''}`);
    }
  }
  if (c.acknowledged) out.push(`acknowledged by ${c.acknowledged.by}: budgets alone say ${c.budgetVerdict}`);
  for (const l of resolutionSentences(c)) out.push(`note: ${l}`);
  if (c.unpairedSettings.length > 0) out.push(`warning: not a paired comparison (${c.unpairedSettings.join('; ')})`);
  if (c.hasBaseline) out.push(c.changedInputs.length > 0 ? `changed inputs: ${c.changedInputs.join(', ')}` : 'no input changed');
  if (c.layers.length > 0) {
    out.push('', `per layer (${layerCountsText(c)}):`, columns(layerTable(c, { name: plain, withBase: c.hasBaseline })));
  }
  out.push('');
  out.push(c.hasBaseline
    ? `baseline: ${shortSha(b.commit)}${b.ref ? ` (${b.ref})` : ''}, ${b.resolvedBy}; recomputed from git with the same seeds (${settingsText(c)})`
    : `baseline: none (${b.resolvedBy}); head: ${settingsText(c)}`);
  for (const n of input.notes ?? []) out.push(`note: ${n}`);
  return `${out.join('\n')}\n`;
}
