/**
 * Annotations for breached budgets, placed on the `mapping.json` line of each layer the breach is
 * attributed to (its entry under "layers", or "defaults" when the layer has none), so the diff view shows
 * them where the change was made. GitHub shows at most 10 annotations of a kind per step; beyond that one
 * notice says how many were left out.
 */
import type { BudgetId } from '../config/budgets.js';
import type { Comparison } from '../compare/comparison.js';
import { breachSentence, budgetLabel } from '../render/tables.js';

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
  /** Repository-relative path. */
  readonly file?: string;
  /** 1-based line. */
  readonly startLine?: number;
}

/** Annotations of one level GitHub keeps per step. */
export const ANNOTATIONS_PER_LEVEL = 10;

function lineOf(lines: readonly string[], pattern: RegExp, from = 0): number | undefined {
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i])) return i;
  return undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * 1-based line of a layer's entry in mapping.json text: the `"<name>":` key after `"layers"`, else the
 * `"defaults"` key (the layer takes its mapping from there), else undefined.
 */
export function findLayerLine(mappingText: string, layerName: string): number | undefined {
  const lines = mappingText.split(/\r?\n/);
  const layersAt = lineOf(lines, /"layers"\s*:/);
  if (layersAt !== undefined) {
    const key = new RegExp(`${escapeRegExp(JSON.stringify(layerName))}\\s*:`);
    const at = lineOf(lines, key, layersAt);
    if (at !== undefined) return at + 1;
  }
  const defaultsAt = lineOf(lines, /"defaults"\s*:/);
  return defaultsAt === undefined ? undefined : defaultsAt + 1;
}

/** 1-based line of a budget's key in nax.yml text (`maxEdapIncreasePct:`), or undefined. */
export function findBudgetLine(configText: string, id: BudgetId): number | undefined {
  const lines = configText.split(/\r?\n/);
  const at = lineOf(lines, new RegExp(`^\\s*${id}\\s*:`));
  return at === undefined ? undefined : at + 1;
}

export interface AnnotationSources {
  /** mapping.json path relative to the repository root, and its text. */
  readonly mapping?: { readonly path: string; readonly text: string };
  /** nax.yml path relative to the repository root, and its text (for breaches no layer explains). */
  readonly config?: { readonly path: string; readonly text: string };
}

/**
 * One annotation per (breached budget, layer). Fail tiers are errors unless the regression was
 * acknowledged (then warnings, as the check does not fail).
 */
export function budgetAnnotations(c: Comparison, sources: AnnotationSources): Annotation[] {
  const all: Annotation[] = [];
  for (const b of c.budgets) {
    if (b.status !== 'warn' && b.status !== 'fail') continue;
    const level = b.status === 'fail' && !c.acknowledged ? 'error' : 'warning';
    const title = `nax: ${budgetLabel(b.id)} ${b.status === 'fail' ? 'over the fail budget' : 'over the warn budget'}`;
    const sentence = breachSentence(b);
    const layers = sources.mapping ? b.layers : [];
    if (layers.length === 0) {
      const line = sources.config ? findBudgetLine(sources.config.text, b.id) : undefined;
      all.push({
        level, title, message: sentence,
        ...(sources.config ? { file: sources.config.path } : {}),
        ...(line ? { startLine: line } : {}),
      });
      continue;
    }
    for (const name of layers) {
      const mapping = sources.mapping as NonNullable<AnnotationSources['mapping']>;
      const line = findLayerLine(mapping.text, name);
      all.push({
        level, title,
        message: `${sentence}; layer '${name}' ${c.layers.find((l) => l.name === name)?.change ?? 'changed'} here`,
        file: mapping.path,
        ...(line ? { startLine: line } : {}),
      });
    }
  }
  return capPerLevel(all);
}

/** Keeps the first 10 errors and warnings and 9 notices, and adds one notice counting the rest. */
export function capPerLevel(all: readonly Annotation[]): Annotation[] {
  const out: Annotation[] = [];
  let dropped = 0;
  for (const level of ['error', 'warning', 'notice'] as const) {
    const room = level === 'notice' ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
    const of = all.filter((a) => a.level === level);
    out.push(...of.slice(0, room));
    dropped += Math.max(0, of.length - room);
  }
  if (dropped > 0) {
    out.push({
      level: 'notice',
      title: 'nax: more budget breaches',
      message: `${dropped} more annotations left out (GitHub shows 10 per kind); the PR comment lists every layer`,
    });
  }
  return out;
}
