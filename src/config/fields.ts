/**
 * Field readers for validating parsed JSON/YAML at the boundary. Each reader takes the raw value, the
 * file name and the field path, and throws a NaxUserError naming both when the value is not allowed.
 * Internal to config/ (and the loaders); nothing past the boundary re-checks.
 */
import { NaxUserError } from '../errors.js';

export type Raw = Record<string, unknown>;

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : String(v);
}

export function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function requireObject(v: unknown, file: string, field: string): Raw {
  if (!isObject(v)) throw new NaxUserError(file, field, `expected an object, found ${describe(v)}`);
  return v;
}

/** Rejects keys that are not in `allowed`, so typos are not silently ignored. */
export function rejectUnknownKeys(obj: Raw, allowed: readonly string[], file: string, field: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) {
      const at = field ? `${field}.${k}` : k;
      throw new NaxUserError(file, at, `unknown field`, `allowed here: ${allowed.join(', ')}`);
    }
  }
}

/** Names JavaScript objects already answer to: as a key they would reach the prototype, not the user's entry. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** Refuses a user-chosen name (layer, mapping entry) that is an Object.prototype member name. */
export function rejectReservedName(name: string, file: string, field: string): void {
  if (RESERVED_NAMES.has(name) || Object.hasOwn(Object.prototype, name)) {
    throw new NaxUserError(file, field, `'${name}' is reserved and cannot name a layer`, 'rename the layer');
  }
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** min/max are exclusive bounds when true. Default false. */
  exclusive?: boolean;
  integer?: boolean;
}

export function readNumber(v: unknown, file: string, field: string, rule: NumberRule = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new NaxUserError(file, field, `expected a finite number, found ${describe(v)}`);
  }
  if (rule.integer && !Number.isInteger(v)) throw new NaxUserError(file, field, `expected an integer, found ${v}`);
  const { min, max, exclusive = false } = rule;
  if (min !== undefined && (exclusive ? v <= min : v < min)) {
    throw new NaxUserError(file, field, `must be ${exclusive ? '>' : '≥'} ${min}, found ${v}`);
  }
  if (max !== undefined && (exclusive ? v >= max : v > max)) {
    throw new NaxUserError(file, field, `must be ${exclusive ? '<' : '≤'} ${max}, found ${v}`);
  }
  return v;
}

export function optionalNumber(v: unknown, fallback: number, file: string, field: string, rule: NumberRule = {}): number {
  return v === undefined ? fallback : readNumber(v, file, field, rule);
}

export function readString(v: unknown, file: string, field: string): string {
  if (typeof v !== 'string' || v.length === 0) {
    throw new NaxUserError(file, field, `expected a non-empty string, found ${describe(v)}`);
  }
  return v;
}

export function readEnum<T extends string>(v: unknown, allowed: readonly T[], file: string, field: string): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new NaxUserError(file, field, `expected one of ${allowed.map((a) => `'${a}'`).join(', ')}, found ${describe(v)}`);
  }
  return v as T;
}

export function readBoolean(v: unknown, file: string, field: string): boolean {
  if (typeof v !== 'boolean') throw new NaxUserError(file, field, `expected true or false, found ${describe(v)}`);
  return v;
}

/**
 * A number field that may also be written `{ "value": n, "source": "…" }`, so technology files can cite
 * where each constant comes from. Returns the number and the source (if any).
 */
export function readCitedNumber(
  v: unknown,
  file: string,
  field: string,
  rule: NumberRule = {},
): { value: number; source?: string } {
  if (isObject(v)) {
    rejectUnknownKeys(v, ['value', 'source', 'note'], file, field);
    const value = readNumber(v.value, file, `${field}.value`, rule);
    const source = v.source === undefined ? undefined : readString(v.source, file, `${field}.source`);
    return { value, source };
  }
  return { value: readNumber(v, file, field, rule) };
}
