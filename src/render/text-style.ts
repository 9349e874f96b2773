/**
 * How terminal text marks what matters: the verdict, and nothing else (colour inside aligned tables would
 * break their widths). The renderers call it on finished strings; the CLI passes ANSI colours when colour is
 * allowed (cli/style.ts), tests and logs the plain style. Pure.
 */
export type StyledVerdict = 'pass' | 'warn' | 'fail' | 'no-baseline';

export interface TextStyle {
  /** A verdict word or sentence. */
  readonly verdict: (text: string, verdict: StyledVerdict) => string;
}

export const PLAIN: TextStyle = { verdict: (t) => t };
