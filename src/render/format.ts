/**
 * Number formatting shared by the markdown and text renderers. Deterministic (no locale): the same
 * report always renders to the same bytes, so rendered comments can be compared against committed files.
 */

/** Engineering prefixes, 10^-15 … 10^9 (femto to giga), by exponent. */
const SI_PREFIX: Readonly<Record<number, string>> = { [-15]: 'f', [-12]: 'p', [-9]: 'n', [-6]: 'µ', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G' };

/**
 * x with three significant digits, trailing zeros kept (they say the precision): 1.20, 12.0, 120. Integers
 * of four or more digits keep all of them. Never an exponent.
 */
export function sig3(x: number): string {
  if (x === 0) return '0';
  const rounded = Number(x.toPrecision(3));
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  return rounded.toFixed(Math.max(0, 2 - magnitude));
}

/**
 * The unit policy of every table and sentence: a value in an SI unit with an engineering prefix and three
 * significant digits, chosen after rounding so that 999.95 reads '1.00 kJ', not '1000 J'. Beyond the
 * prefixes (below femto, above giga) the mantissa grows or shrinks instead.
 */
export function formatSi(value: number | undefined, unit: string): string {
  if (value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return `0 ${unit}`;
  let exp = Math.min(9, Math.max(-15, Math.floor(Math.log10(Math.abs(value)) / 3) * 3));
  let mantissa = Number((value / 10 ** exp).toPrecision(3));
  // Rounding (or log10's last bit) can carry the mantissa to 1000: the next prefix up.
  if (Math.abs(mantissa) >= 1000 && exp < 9) {
    exp += 3;
    mantissa = Number((value / 10 ** exp).toPrecision(3));
  }
  return `${sig3(mantissa)} ${SI_PREFIX[exp]}${unit}`;
}

/** Area in mm² (the report's unit; a prefix on mm² would read oddly), three significant digits. */
export function formatMm2(value: number | undefined): string {
  if (value === undefined) return '—';
  return `${sig3(value)} mm²`;
}

/** EDAP in J·s·mm², scientific with three significant digits: '1.23e-15'. */
export function formatEdap(value: number | undefined): string {
  if (value === undefined) return '—';
  if (value === 0) return '0';
  return value.toExponential(2);
}

/** A count with thousands separators: 12345 → '12,345'. */
export function formatCount(value: number | undefined): string {
  if (value === undefined) return '—';
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A percentage value (0…100) with two decimals: '97.10 %'. */
export function formatPct(value: number | undefined): string {
  return value === undefined ? '—' : `${value.toFixed(2)} %`;
}

/** A 95 % interval of percentages: '[92.10, 94.35] %'. */
export function formatPctInterval(low: number | undefined, high: number | undefined): string {
  return low === undefined || high === undefined ? '' : `[${low.toFixed(2)}, ${high.toFixed(2)}] %`;
}

/** A difference in pp with its interval: '-0.40 pp [-0.90, +0.10]'. */
export function formatPpInterval(pp: number, low: number, high: number): string {
  return `${formatPp(pp)} [${signed(low, 2)}, ${signed(high, 2)}]`;
}

/** Sign for a difference; exact zero shows as ±. */
function signed(v: number, digits: number): string {
  const s = Math.abs(v).toFixed(digits);
  if (Number(s) === 0) return `±${s}`;
  return `${v > 0 ? '+' : '-'}${s}`;
}

/** A relative change in %: '+5.23 %', '-1.20 %', '±0.00 %', 'new' (from zero). */
export function formatChangePct(value: number | undefined): string {
  if (value === undefined) return '—';
  if (value === Infinity) return 'new (base 0)';
  if (value === -Infinity) return '-∞ %';
  return `${signed(value, 2)} %`;
}

/** A difference in percentage points: '+0.40 pp'. */
export function formatPp(value: number | undefined): string {
  return value === undefined ? '—' : `${signed(value, 2)} pp`;
}

/** First 7 characters of a SHA, as git and GitHub show them. */
export function shortSha(sha: string | undefined): string {
  return sha ? sha.slice(0, 7) : 'unknown';
}

/** A budget limit in its unit: '+5 %', '1 pp', '95 %', '2.00e-12'. */
export function formatLimit(value: number, unit: '%change' | 'pp' | '%' | 'edap'): string {
  const plain = String(Number(value.toPrecision(6)));
  switch (unit) {
    case '%change':
      return `${value > 0 ? '+' : ''}${plain} %`;
    case 'pp':
      return `${plain} pp`;
    case '%':
      return `${plain} %`;
    case 'edap':
      return formatEdap(value);
  }
}

/** A share of a total (fraction 0…1) in % with one decimal: 0.3105 → '31.1 %'. */
export function formatShare(fraction: number | undefined): string {
  return fraction === undefined ? '—' : `${(fraction * 100).toFixed(1)} %`;
}

/** A non-ideality factor (fraction) in % with two decimals: 0.0121 → '1.21 %'. */
export function formatNf(fraction: number | undefined): string {
  return fraction === undefined ? '—' : `${(fraction * 100).toFixed(2)} %`;
}
