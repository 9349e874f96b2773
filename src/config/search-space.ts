/** `search:` section of nax.yml. Owned by the search work (issue 5); this first version fixes the interface. */
export interface SearchSpace {
  readonly [key: string]: unknown;
}
export function parseSearchSpace(_raw: unknown, _file: string, _field: string): SearchSpace {
  return {};
}
