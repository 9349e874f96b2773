/**
 * The PR comment and the job summary: one markdown rendering of a comparison, cut to fit a size limit.
 * Pure: a RenderInput in, a string out.
 *
 * Layout: hidden marker; verdict headline with base and head short SHAs; totals table (base, head, Δ,
 * budget, status); breached budgets; notes; a mermaid chart of per-layer EDAP; the per-layer table in
 * `<details>`; how the baseline was obtained; footer.
 *
 * Too long (GitHub refuses comments over 65,536 characters; step summaries over 1 MiB): the per-layer
 * table first keeps only changed layers, then goes, then the chart goes; as a last resort the text is cut
 * at a line. Each step leaves a note saying what was left out and where the full data is.
 */
import { markdownTable } from 'markdown-table';
import { code } from './escape.js';
import { shortSha } from './format.js';
import { edapChart } from './mermaid.js';
import { resolutionSentences } from './resolution.js';
import type { RenderInput } from './render-input.js';
import {
  breachSentence,
  layerCountsText,
  layerTable,
  settingsText,
  STATUS_ICON,
  totalsTable,
  verdictHeadline,
} from './tables.js';

/** The hidden marker the sticky comment is found by (together with its author). */
export const COMMENT_MARKER = '<!-- nax-report -->';

/** GitHub's limit on an issue comment body, characters. */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** GitHub's limit on one step's job summary, bytes. */
export const GITHUB_SUMMARY_MAX_BYTES = 1_048_576;

export interface SizeLimit {
  /** Largest allowed size, in `measure` units. */
  readonly max: number;
  /** 'chars': UTF-16 code units (≥ the characters GitHub counts); 'bytes': UTF-8 bytes. */
  readonly measure: 'chars' | 'bytes';
}

/**
 * Comment limit with a margin below GitHub's 65,536 characters (nax assumption: room for line-ending
 * normalisation and for counting differences).
 */
export const COMMENT_LIMIT: SizeLimit = { max: 60_000, measure: 'chars' };
/** Summary limit with a margin below 1 MiB, leaving room for other steps' summaries. */
export const SUMMARY_LIMIT: SizeLimit = { max: 900 * 1024, measure: 'bytes' };

export interface RenderedMarkdown {
  readonly markdown: string;
  /** What was left out to fit the limit (empty when nothing was). */
  readonly omitted: readonly string[];
}

function sizeOf(text: string, measure: SizeLimit['measure']): number {
  return measure === 'chars' ? text.length : Buffer.byteLength(text, 'utf8');
}

type LayerDetail = 'all' | 'changed' | 'none';

interface Plan {
  readonly layers: LayerDetail;
  readonly chart: boolean;
}

const PLANS: readonly Plan[] = [
  { layers: 'all', chart: true },
  { layers: 'changed', chart: true },
  { layers: 'none', chart: true },
  { layers: 'none', chart: false },
];

const WHERE_FULL = 'the full data is in the job summary and the report artifact';

function header(input: RenderInput): string[] {
  const c = input.comparison;
  const h = verdictHeadline(c);
  const head = `head ${code(shortSha(input.headSha))}`;
  const base = c.hasBaseline
    ? `base ${code(shortSha(input.baseline.commit))}${input.baseline.ref ? ` (${code(input.baseline.ref)})` : ''} → `
    : '';
  return [COMMENT_MARKER, `### ${h.icon} nax: ${h.title}`, '', `Verdict **${c.verdict}** · ${base}${head}`, ...gateLines(input)];
}

/** Cap on one untrusted string shown in the comment, characters. */
const SHOWN_CHARS = 200;

/**
 * Text markdown cannot turn into a link, image, HTML, mention or table cell: letters, digits, spaces and
 * a few punctuation marks, no URL. nax's own sentences ('first parent of the PR merge commit') pass.
 */
const PLAIN = /^[A-Za-z0-9 ,.'’:;\/^~=+-]*$/;

/** A string from a file or artifact, shown inert: as it is when plain, otherwise a shortened code span. */
function inert(text: string): string {
  if (text.length <= SHOWN_CHARS && PLAIN.test(text) && !/:\/\/|www\./i.test(text)) return text;
  return code(text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);
}

/** The gate's changes come first: a PR that loosens its own gate must say so where it is read. */
function gateLines(input: RenderInput): string[] {
  const g = input.gate;
  if (!g) return [];
  const out: string[] = [];
  if (g.changes.length > 0) {
    out.push('', `> [!IMPORTANT]\n> **This PR changes the gate:** ${g.changes.map(inert).join('; ')}.`);
  }
  if (g.budgetsFrom === 'head') {
    out.push('', "**The budgets are the PR's own:** the base has no nax.yml to take them from.");
  }
  if (input.origin === 'check-job') {
    out.push('', "<sub>The numbers below come from the PR's own workflow run (its artifact), validated and shown as data.</sub>");
  }
  return out;
}

function noBaselineParagraph(input: RenderInput): string[] {
  const c = input.comparison;
  if (c.hasBaseline) return [];
  const reason = input.baseline.missingReason ?? 'no base report';
  return [
    '',
    `**No baseline:** ${inert(reason)}. Nothing was compared: the relative budgets (EDAP increase, accuracy drop) ` +
      'were not checked, only the absolute ones. This is not a pass.',
  ];
}

function totalsSection(input: RenderInput): string[] {
  const c = input.comparison;
  const rows = totalsTable(c, {
    baseLabel: `Base ${code(shortSha(input.baseline.commit))}`,
    headLabel: `Head ${code(shortSha(input.headSha))}`,
    lineBreak: '<br>',
  });
  return ['', markdownTable(rows, { alignDelimiters: false })];
}

function breachesSection(input: RenderInput): string[] {
  const breached = input.comparison.budgets.filter((b) => b.status === 'warn' || b.status === 'fail');
  const unresolved = resolutionSentences(input.comparison).map((t) => `- ℹ️ ${t}`);
  if (breached.length === 0 && unresolved.length === 0) return [];
  return [
    '',
    ...breached.map((b) => {
      const layers = b.layers.length > 0 ? ` (layers: ${b.layers.slice(0, 5).map(code).join(', ')}${b.layers.length > 5 ? ', …' : ''})` : '';
      return `- ${STATUS_ICON[b.status]} ${breachSentence(b)}${layers}`;
    }),
    ...unresolved,
  ];
}

function notesSection(input: RenderInput): string[] {
  const c = input.comparison;
  const out: string[] = [];
  if (c.acknowledged) {
    out.push(`> [!NOTE]\n> Regression acknowledged by ${inert(c.acknowledged.by)}: the budgets above are still reported, ` +
      `but the check does not fail (budgets alone say **${c.budgetVerdict}**).`);
  }
  if (c.unpairedSettings.length > 0) {
    out.push(`> [!WARNING]\n> Base and head were simulated with different settings (${c.unpairedSettings.join('; ')}): ` +
      'not a paired comparison, accuracy differences include sampling noise.');
  }
  if (c.hasBaseline) {
    out.push(c.changedInputs.length > 0
      ? `Changed inputs: ${c.changedInputs.map(code).join(', ')}.`
      : 'No input changed between base and head.');
  }
  return out.flatMap((s) => ['', s]);
}

function chartSection(input: RenderInput): string[] {
  const chart = edapChart(input.comparison);
  if (!chart) return [];
  return ['', chart.markdown, '', `<sub>${chart.legend}</sub>`];
}

/** Why the per-layer EDAP figures do not add up to the total, and what the share columns are. */
const SHARES_NOTE = 'Energy, latency and area are shares of the network totals (each column adds up to 100 %; ' +
  'latency is layer-serial). EDAP = energy × latency × area of the whole network is a product of sums, so a ' +
  "layer's own EDAP does not add up to it; a layer's EDAP share is the mean of its three shares";
const CONTRIBUTION_NOTE = ', and its EDAP Δ part is the first-order change it causes, ΔE/E + ΔD/D + ΔA/A of the base ' +
  'totals in pp (the parts add up to the exact change up to the products of changes)';

function layersSection(input: RenderInput, detail: LayerDetail): string[] {
  const c = input.comparison;
  if (detail === 'none' || c.layers.length === 0) return [];
  const shown = detail === 'all' ? c : { ...c, layers: c.layers.filter((l) => l.change !== 'unchanged') };
  const rows = layerTable(shown, { name: code, withBase: c.hasBaseline });
  const note = detail === 'changed'
    ? ['', `<sub>Only changed layers are listed to fit GitHub's comment limit; ${WHERE_FULL}.</sub>`]
    : [];
  return [
    '',
    '<details>',
    `<summary>Per-layer breakdown (${layerCountsText(c)})</summary>`,
    '',
    markdownTable(rows, { alignDelimiters: false }),
    '',
    `<sub>${SHARES_NOTE}${c.hasBaseline ? CONTRIBUTION_NOTE : ''}. NF: mean non-ideality factor of the column currents.</sub>`,
    ...note,
    '',
    '</details>',
  ];
}

function baselineSection(input: RenderInput): string[] {
  const c = input.comparison;
  const b = input.baseline;
  const where = { 'this-job': 'in this job', 'check-job': 'in the check job', 'shard-jobs': 'in the shard jobs' }[input.origin];
  let text: string;
  if (c.hasBaseline) {
    text = `**Baseline:** ${code(shortSha(b.commit))}${b.ref ? ` (${code(b.ref)})` : ''}, ${inert(b.resolvedBy)}; ` +
      `recomputed from git ${where} with the same seeds as head (${settingsText(c)}).`;
  } else {
    text = `**Baseline:** none (${inert(b.missingReason ?? 'no base report')}); looked for ${b.commit ? code(shortSha(b.commit)) : 'a base commit'}` +
      `, ${inert(b.resolvedBy)}. Head simulated ${where} (${settingsText(c)}).`;
  }
  const g = input.gate?.budgetsFrom;
  const from = g === 'base' ? ' of the base' : g === 'head' ? ' of the PR (the base has none)' : '';
  return ['', `${text} Budgets: ${code('nax.yml')}${from}, tightened by the action inputs.`];
}

/** A link nax builds itself: https://host/owner/repo/actions/runs/<id>. Anything else is not linked. */
const RUN_URL = /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/actions\/runs\/\d+$/;

function footer(input: RenderInput): string[] {
  const parts = [`nax ${inert(input.toolVersion)}`];
  if (input.runUrl && RUN_URL.test(input.runUrl)) parts.push(`[workflow run](${input.runUrl})`);
  if (input.reportName) parts.push(`full report: ${code(input.reportName)}`);
  if (input.htmlReportName) parts.push(`charts: ${code(input.htmlReportName)} in the run's artifact`);
  const notes = (input.notes ?? []).flatMap((n) => ['', `> [!WARNING]\n> ${n}`]);
  return [...notes, '', `<sub>${parts.join(' · ')}</sub>`, ''];
}

function omittedNote(omitted: readonly string[]): string[] {
  if (omitted.length === 0) return [];
  return ['', `> [!NOTE]\n> Truncated to stay under GitHub's size limit: ${omitted.join('; ')} left out; ${WHERE_FULL}.`];
}

function compose(input: RenderInput, plan: Plan, omitted: readonly string[]): string {
  return [
    ...header(input),
    ...noBaselineParagraph(input),
    ...totalsSection(input),
    ...breachesSection(input),
    ...notesSection(input),
    ...(input.searchSection ?? []),
    ...omittedNote(omitted),
    ...(plan.chart ? chartSection(input) : []),
    ...layersSection(input, plan.layers),
    ...baselineSection(input),
    ...footer(input),
  ].join('\n');
}

function omittedBy(plan: Plan, input: RenderInput): string[] {
  const out: string[] = [];
  const changed = input.comparison.layers.filter((l) => l.change !== 'unchanged').length;
  if (plan.layers === 'changed') out.push(`${input.comparison.layers.length - changed} unchanged layers of the per-layer table`);
  if (plan.layers === 'none') out.push('the per-layer table');
  if (!plan.chart) out.push('the per-layer EDAP chart');
  return out;
}

/** Renders the comparison as markdown no larger than `limit`. */
export function renderMarkdown(input: RenderInput, limit: SizeLimit): RenderedMarkdown {
  for (const plan of PLANS) {
    if (plan.layers === 'changed' && !input.comparison.hasBaseline) continue;
    const omitted = omittedBy(plan, input);
    const text = compose(input, plan, omitted);
    if (sizeOf(text, limit.measure) <= limit.max) return { markdown: text, omitted };
  }
  // Last resort: cut at a line boundary (only reachable with pathological names or refs).
  const omitted = [...omittedBy(PLANS[PLANS.length - 1], input), 'the end of the text'];
  const tail = omittedNote(omitted).join('\n');
  const full = compose(input, PLANS[PLANS.length - 1], []);
  let cut = full;
  while (cut.length > 0 && sizeOf(cut, limit.measure) + sizeOf(tail, limit.measure) + 1 > limit.max) {
    const at = cut.lastIndexOf('\n', Math.floor(cut.length * 0.9));
    cut = at > 0 ? cut.slice(0, at) : cut.slice(0, Math.floor(cut.length * 0.9));
  }
  return { markdown: `${cut}\n${tail}`, omitted };
}
