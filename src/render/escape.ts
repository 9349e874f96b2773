/**
 * Untrusted text in rendered markdown. Layer names and refs come from the repository — in `mode: comment`
 * from a fork's report artifact — so they are shown as code spans: no markdown, HTML or @-mentions inside,
 * and no way to close a table cell, a `<details>` block or the mermaid fence.
 */

/** A markdown code span holding `text` verbatim (newlines become spaces; safe inside a table cell). */
export function code(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').replaceAll('|', '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.length === 0 ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Maximum length of a mermaid axis label before it is shortened. */
const MERMAID_LABEL_CHARS = 24;

/**
 * A mermaid xychart category label: only letters, digits and `_ . : / -` survive (anything else becomes
 * `_`), shortened to 24 characters, so the label can neither end the quoted string nor the code fence.
 */
export function mermaidLabel(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_.:/\- ]/g, '_');
  return safe.length > MERMAID_LABEL_CHARS ? `${safe.slice(0, MERMAID_LABEL_CHARS - 1)}…` : safe;
}
