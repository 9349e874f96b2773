/**
 * Validates a search's `pareto.json` (schema `nax-pareto/1`) read back from a shard folder or an artifact:
 * merges and the nightly workflow act on it (the proposed candidate's folder becomes the `best-dir` output),
 * so every field is checked like a report's — numbers finite and in range, ids unique, the front and the best
 * candidate naming existing candidates, and candidate folders relative paths that stay below the output folder.
 */
import { readEnum, readNumber, readString, requireObject } from '../config/fields.js';
import { NaxUserError } from '../errors.js';
import type { Candidate, ParetoDocument } from '../search/pareto.js';

const KINDS = ['committed', 'homogeneous', 'searched'] as const;
const OBJECTIVES = ['edap', 'energy', 'latency'] as const;
/** More candidates than any bounded search evaluates (a guard against a forged document's size). */
const MAX_CANDIDATES = 10_000;
const MAX_TEXT = 500;

function text(v: unknown, file: string, field: string): string {
  const s = readString(v, file, field);
  if (s.length > MAX_TEXT) throw new NaxUserError(file, field, `longer than ${MAX_TEXT} characters`);
  return s;
}

/** A folder below the output folder: relative, '/'-separated, no '..', no control characters. */
function folderOf(v: unknown, file: string, field: string): string {
  const s = text(v, file, field);
  if (s.startsWith('/') || /\\|[\u0000-\u001f]/.test(s) || s.split('/').some((part) => part === '..')) {
    throw new NaxUserError(file, field, 'must be a relative folder below the search output (no "..", no absolute path)');
  }
  return s;
}

function candidate(raw: unknown, file: string, field: string): Candidate {
  const c = requireObject(raw, file, field);
  const unit = { min: 0, max: 1 };
  const nonNegative = { min: 0 };
  return {
    id: text(c.id, file, `${field}.id`),
    kind: readEnum(c.kind, KINDS, file, `${field}.kind`),
    label: text(c.label, file, `${field}.label`),
    accuracy: readNumber(c.accuracy, file, `${field}.accuracy`, unit),
    accuracyStd: readNumber(c.accuracyStd, file, `${field}.accuracyStd`, unit),
    idealAccuracy: readNumber(c.idealAccuracy, file, `${field}.idealAccuracy`, unit),
    energyJ: readNumber(c.energyJ, file, `${field}.energyJ`, nonNegative),
    delayS: readNumber(c.delayS, file, `${field}.delayS`, nonNegative),
    areaMm2: readNumber(c.areaMm2, file, `${field}.areaMm2`, nonNegative),
    edap: readNumber(c.edap, file, `${field}.edap`, nonNegative),
    ...(c.lambda !== undefined ? { lambda: readNumber(c.lambda, file, `${field}.lambda`, nonNegative) } : {}),
    ...(c.architecture !== undefined ? { architecture: text(c.architecture, file, `${field}.architecture`) } : {}),
    ...(c.folder !== undefined ? { folder: folderOf(c.folder, file, `${field}.folder`) } : {}),
  };
}

/** The checked document (unknown fields dropped); a bad field is a user error naming the file and field. */
export function parseParetoDocument(raw: unknown, file: string): ParetoDocument {
  const o = requireObject(raw, file, '');
  if (o.schema !== 'nax-pareto/1') throw new NaxUserError(file, 'schema', 'expected "nax-pareto/1"', 'not a nax search result');
  const objective = readEnum(o.objective, OBJECTIVES, file, 'objective');
  if (!Array.isArray(o.candidates)) throw new NaxUserError(file, 'candidates', 'expected an array');
  if (o.candidates.length > MAX_CANDIDATES) throw new NaxUserError(file, 'candidates', `more than ${MAX_CANDIDATES} candidates`);
  const candidates = o.candidates.map((c: unknown, i: number) => candidate(c, file, `candidates[${i}]`));
  const ids = new Set<string>();
  candidates.forEach((c, i) => {
    if (ids.has(c.id)) throw new NaxUserError(file, `candidates[${i}].id`, `'${c.id}' appears twice`);
    ids.add(c.id);
  });
  if (!Array.isArray(o.front)) throw new NaxUserError(file, 'front', 'expected an array of candidate ids');
  const front = o.front.map((id: unknown, i: number) => {
    const s = text(id, file, `front[${i}]`);
    if (!ids.has(s)) throw new NaxUserError(file, `front[${i}]`, 'names no candidate');
    return s;
  });
  let best: string | undefined;
  if (o.best !== undefined) {
    best = text(o.best, file, 'best');
    if (!ids.has(best)) throw new NaxUserError(file, 'best', 'names no candidate');
  }
  if (typeof o.beatsCommitted !== 'boolean') throw new NaxUserError(file, 'beatsCommitted', 'expected true or false');
  return { schema: 'nax-pareto/1', objective, candidates, front, ...(best !== undefined ? { best } : {}), beatsCommitted: o.beatsCommitted };
}
