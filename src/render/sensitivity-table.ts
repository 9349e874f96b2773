/**
 * The tables of `nax sensitivity`: accuracy and base cost per crossbar size, the EDAP ranking of the sizes
 * under every combination of the cost-model switches, and how often flipping each switch alone changes the
 * ranking. Markdown (column-aligned, readable in a terminal) or plain text. Pure: the caller prints it.
 */
import { markdownTable } from 'markdown-table';
import { COST_MODEL_SWITCHES, type CostModelSwitches } from '../config/cost-model.js';
import type { SensitivityDocument } from '../sensitivity.js';
import { formatEdap, formatMm2, formatSi } from './format.js';
import { textTable } from './table.js';

export type SensitivityFormat = 'markdown' | 'text';

const pct = (x: number) => (x * 100).toFixed(2);
const size = (n: number) => `${n}×${n}`;

function table(rows: string[][], format: SensitivityFormat, leftColumns = 1): string {
  if (format === 'text') return textTable(rows, { leftColumns });
  return markdownTable(rows, { align: rows[0].map((_, j) => (j < leftColumns ? 'l' : 'r')) });
}

function baseCombination(doc: SensitivityDocument) {
  return doc.combinations.find((c) => c.isBase)!;
}

function describeModel(m: CostModelSwitches, names: readonly string[]): string {
  return names.map((n) => `${n} ${m[n as keyof CostModelSwitches]}`).join(', ');
}

/** Renders a sensitivity document as text. */
export function renderSensitivity(doc: SensitivityDocument, format: SensitivityFormat = 'markdown'): string {
  const heading = (s: string) => (format === 'markdown' ? `### ${s}` : s);
  const base = baseCombination(doc);
  const s = doc.settings;
  const out: string[] = [];

  out.push(heading(`Accuracy and cost per crossbar size (${s.evalImages} images, ${s.monteCarloSamples} Monte Carlo sample${s.monteCarloSamples === 1 ? '' : 's'}, seed ${s.seed}, IR drop ${s.irDrop})`));
  const accHead = ['crossbar', 'ideal %', 'quantised %', ...doc.accuracy.map((v) => `${v.label}: non-ideal % [95 % CI]`), 'energy', 'delay', 'area', 'EDAP J·s·mm²'];
  const accRows = doc.sizes.map((n, i) => {
    const first = doc.accuracy[0].rows[i];
    const c = base.sizes[i];
    return [
      size(n), pct(first.ideal), pct(first.quantised),
      ...doc.accuracy.map((v) => {
        const a = v.rows[i].nonIdeal;
        return a.ciLow === undefined || a.ciHigh === undefined ? pct(a.mean) : `${pct(a.mean)} [${pct(a.ciLow)}, ${pct(a.ciHigh)}]`;
      }),
      formatSi(c.energyJ, 'J'), formatSi(c.delayS, 's'), formatMm2(c.areaMm2), formatEdap(c.edap),
    ];
  });
  out.push(table([accHead, ...accRows], format));
  out.push(`Cost under the technology's switches: ${describeModel(doc.baseCostModel, COST_MODEL_SWITCHES)}.`);
  out.push('');

  out.push(heading(`EDAP J·s·mm² under every combination of the cost-model switches (base = the technology's)`));
  const tolerance = `${(doc.accuracyTolerance * 100).toFixed(1)} pp`;
  const comboHead = [
    ...doc.varied, ...doc.sizes.map((n) => `EDAP ${size(n)}`), 'ranking, best first', 'vs base',
    ...doc.accuracy.map((v) => `choice, ${v.label}`),
  ];
  const comboRows = doc.combinations.map((c, i) => [
    ...doc.varied.map((n) => String(c.costModel[n])),
    ...c.sizes.map((x) => formatEdap(x.edap)),
    c.ranking.map(size).join(' < '),
    c.isBase ? 'base' : c.changesRanking ? 'CHANGED' : 'same',
    ...doc.choices[i].map(size),
  ]);
  out.push(table([comboHead, ...comboRows], format, doc.varied.length));
  const changed = doc.combinations.filter((c) => c.changesRanking).length;
  out.push(`${changed} of ${doc.combinations.length} combinations rank the sizes differently from the base (${base.ranking.map(size).join(' < ')}). ` +
    `Choice: the lowest-EDAP size whose non-ideal accuracy is within ${tolerance} of the most accurate size's.`);
  out.push('');

  out.push(heading('Which assumption decides the ranking'));
  const effectRows = doc.effects.map((e) => [e.name, e.values.join(' ↔ '), `${e.flips} of ${e.pairs}`]);
  out.push(table([['switch', 'values', 'flipping it alone changes the ranking'], ...effectRows], format, 2));
  const deciding = doc.effects.filter((e) => e.flips > 0).sort((a, b) => b.flips / b.pairs - a.flips / a.pairs);
  out.push(deciding.length === 0
    ? 'No switch changes the ranking on its own.'
    : `Deciding: ${deciding.map((e) => `${e.name} (${e.flips} of ${e.pairs})`).join(', ')}.`);
  return `${out.join('\n')}\n`;
}
